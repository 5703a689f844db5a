import type { ReplicaSet, World } from '../core/types';
import { podsOwnedBy } from '../cluster/pods';
import { podIsActive } from '../lifecycle/apply';
import { humanDuration, table } from '../views/format';
import { argBool, argValue, namespaceArg, type ViewArgs, type ViewBlock } from './viewArgs';
import { parseLabelSelector, selectorMatches } from './labelSelector';
import { withColumn } from './tableEdit';
import { describeReplicaSet } from '../resources/workloadDescribe';
import { replicaSetObject } from '../resources/apiObjects';
import { applyObjectFormats, byKey, parseOutputFormat, sortKeysDeep, type Failure } from './objectOutput';

/** A ReplicaSet's pods that count towards status.replicas (not terminating), and those Ready. */
export function replicaSetPodCounts(world: World, rs: ReplicaSet): { current: number; ready: number } {
  const pods = podsOwnedBy(world, 'ReplicaSet', rs.name).filter(podIsActive);
  return { current: pods.length, ready: pods.filter((p) => p.state === 'Ready').length };
}

function labelsOfReplicaSet(rs: ReplicaSet): Record<string, string> {
  return { ...rs.template.labels, 'pod-template-hash': rs.templateHash };
}

/**
 * `kubectl get rs`: the Deployment controller's ReplicaSets (NAME DESIRED CURRENT READY AGE);
 * `kubectl describe rs`: each of them described.
 */
export function replicaSetsView(world: World, verb: 'get' | 'describe', v: ViewArgs, names: readonly string[], prefixed: boolean): ViewBlock | string | Failure {
  const selector = parseLabelSelector(argValue(v, 'selector') ?? '');
  if (!selector.ok) return selector.error;
  const allNs = argBool(v, 'all-namespaces');
  const ns = namespaceArg(v);
  const inScope = [...world.replicaSets.values()]
    .filter((rs) => (allNs || rs.namespace === ns) && selectorMatches(selector.requirements, labelsOfReplicaSet(rs)))
    .sort(byKey);
  const errors = names.filter((n) => !inScope.some((rs) => rs.name === n)).map((n) => `Error from server (NotFound): replicasets.apps "${n}" not found`);
  let items = names.length > 0 ? names.flatMap((n) => inScope.filter((rs) => rs.name === n)) : inScope;
  if (items.length === 0) return { text: '', errors };
  if (verb === 'describe') return { text: items.map((rs) => describeReplicaSet(world, rs)).join('\n\n\n'), errors };
  const parsed = parseOutputFormat(argValue(v, 'output'));
  if (!parsed.ok) return parsed;
  const format = parsed.format;
  const applied = applyObjectFormats(items, format, argValue(v, 'sort-by'), names.length === 1 && !prefixed, (some) => ({
    ok: true,
    objects: some.map((rs) => sortKeysDeep(replicaSetObject(world, rs)) as Record<string, unknown>),
  }));
  if (!applied.ok) return applied;
  if (applied.printed) return { text: applied.printed.text, errors, omitted: applied.printed.omitted };
  items = applied.items;
  if (format.type === 'name') return { text: items.map((rs) => `replicaset.apps/${rs.name}`).join('\n'), errors };
  const rows = items.map((rs) => {
    const { current, ready } = replicaSetPodCounts(world, rs);
    return [prefixed ? `replicaset.apps/${rs.name}` : rs.name, String(rs.replicas), String(current), String(ready), humanDuration(world.timeMs - rs.createdMs)];
  });
  let text = table(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], rows);
  if (allNs) text = withColumn(text, 'NAMESPACE', items.map((rs) => rs.namespace));
  return { text, errors };
}
