import type { Deployment, World } from '../core/types';
import { replicaSetsOf } from '../cluster/workloads';
import { kindByName, notFound } from '../resources/registry';
import { namespaceArg, type ViewArgs } from './viewArgs';
import { replicaSetPodCounts } from './replicaSetsView';
import type { CommandResult } from '../core/commands';
import { msg } from '../core/message';

/** status.updatedReplicas, status.replicas and status.availableReplicas, counted from the ReplicaSets' pods. */
export function deploymentRolloutCounts(world: World, d: Deployment): { updated: number; total: number; available: number } {
  let updated = 0;
  let total = 0;
  let available = 0;
  for (const rs of replicaSetsOf(world, d)) {
    const { current, ready } = replicaSetPodCounts(world, rs);
    if (rs.templateHash === d.templateHash) updated += current;
    total += current;
    available += ready;
  }
  return { updated, total, available };
}

/** kubectl's DeploymentStatusViewer: the first unmet condition, in its order, or success. */
export function deploymentRolloutStatus(world: World, d: Deployment): { done: boolean; message: string } {
  const { updated, total, available } = deploymentRolloutCounts(world, d);
  const waiting = (what: string) => ({ done: false, message: `Waiting for deployment "${d.name}" rollout to finish: ${what}...` });
  if (updated < d.replicas) return waiting(`${updated} out of ${d.replicas} new replicas have been updated`);
  if (total > updated) return waiting(`${total - updated} old replicas are pending termination`);
  if (available < updated) return waiting(`${available} of ${updated} updated replicas are available`);
  return { done: true, message: `deployment "${d.name}" successfully rolled out` };
}

function refsOf(words: readonly string[]): { type: string; name: string }[] | string {
  if (words.length === 0) return 'error: required resource not specified';
  if (words.some((w) => w.includes('/'))) return words.map((w) => ({ type: w.split('/')[0], name: w.slice(w.indexOf('/') + 1) }));
  const [type, ...names] = words;
  if (names.length === 0) return 'error: resource(s) were provided, but no name was specified';
  return names.map((name) => ({ type, name }));
}

/**
 * `kubectl rollout status deployment/NAME`: the line kubectl prints now. The console does not
 * wait, so an unfinished rollout answers with its current "Waiting for …" line (as with --watch=false).
 */
export function rolloutView(world: World, v: ViewArgs): CommandResult {
  const [sub, ...words] = v.positional;
  if (sub !== 'status') return { ok: false, output: `error: "kubectl rollout ${sub ?? ''}" is not a view` };
  const refs = refsOf(words);
  if (typeof refs === 'string') return { ok: false, output: refs };
  const lines: string[] = [];
  let ok = true;
  for (const ref of refs) {
    const kind = kindByName(ref.type);
    if (!kind) return { ok: false, output: `error: the server doesn't have a resource type "${ref.type}"` };
    if (kind.kind !== 'Deployment') {
      return { ok: false, output: `error: rollout status is simulated for deployments only (got ${kind.plural})`, msg: msg('engine.command.rolloutDeploymentsOnly', { kind: kind.plural }) };
    }
    const d = world.deployments.get(ref.name);
    if (!d || d.namespace !== namespaceArg(v)) {
      lines.push(notFound(kind, ref.name));
      ok = false;
      continue;
    }
    lines.push(deploymentRolloutStatus(world, d).message);
  }
  return { ok, output: lines.join('\n') };
}
