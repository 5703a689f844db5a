import type { World } from '../core/types';
import { msg, type Message } from '../core/message';
import { suggestions } from '../../scenario/suggest';
import { peekKarpenterState } from '../autoscalers/karpenter/controller';
import type { Check } from './types';

/** Trace entries ("Kind/name" → …), read at most once per evaluation by the caller. */
export type EntriesOf = () => Record<string, Record<string, unknown>>;

/** A check's named object, and every name that object's kind has now (for "similar names"). */
interface Named {
  kind: string | Message;
  name: string;
  namespace?: string;
  exists: boolean;
  candidates: string[];
}

function fromEntries(entries: EntriesOf, kind: string, name: string): Named {
  const prefix = `${kind}/`;
  const keys = Object.keys(entries());
  return { kind, name, exists: keys.includes(prefix + name), candidates: keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)) };
}

function deploymentNamed(world: World, name: string, namespace = 'default'): Named {
  const exists = world.deployments.get(name)?.namespace === namespace;
  const candidates = [...world.deployments.values()].filter((d) => d.namespace === namespace).map((d) => d.name);
  return { kind: 'Deployment', name, namespace, exists, candidates };
}

function nodePoolNamed(world: World, name: string): Named {
  const names = Object.keys(peekKarpenterState(world)?.nodePools ?? {});
  return { kind: 'NodePool', name, exists: names.includes(name), candidates: names };
}

/** The objects a check names (none for counts over the cluster, cost and time). */
function namedBy(check: Check, world: World, entries: EntriesOf): Named[] {
  switch (check.type) {
    case 'hpa':
      return [fromEntries(entries, 'HorizontalPodAutoscaler', check.name)];
    case 'vpa':
      return [fromEntries(entries, 'VerticalPodAutoscaler', check.name)];
    case 'scaledObject':
      return [fromEntries(entries, 'ScaledObject', check.name)];
    case 'queue': {
      const q = fromEntries(entries, 'Queue', check.name);
      return [{ ...q, kind: msg('engine.check.kind.queue') }];
    }
    case 'deployment':
      return [deploymentNamed(world, check.name, check.namespace)];
    case 'pods':
      return check.deployment === undefined ? [] : [deploymentNamed(world, check.deployment, check.namespace)];
    case 'nodes': {
      const out: Named[] = [];
      if (check.nodeGroup !== undefined) {
        const names = [...world.nodeGroups.keys()];
        out.push({ kind: msg('engine.check.kind.nodeGroup'), name: check.nodeGroup, exists: world.nodeGroups.has(check.nodeGroup), candidates: names });
      }
      if (check.nodePool !== undefined) out.push(nodePoolNamed(world, check.nodePool));
      return out;
    }
    case 'nodeClaim':
      return check.nodePool === undefined ? [] : [nodePoolNamed(world, check.nodePool)];
    default:
      return [];
  }
}

/**
 * Why a check cannot hold now because an object it names does not exist (a typo in a lesson, or a
 * step whose object the student has yet to create), with the kind's names that are close to it.
 * Composite checks report their first branch's reason. Undefined when every named object exists.
 */
export function missingReason(check: Check, world: World, entries: EntriesOf): Message | undefined {
  if (check.type === 'all' || check.type === 'any') {
    for (const c of check.checks) {
      const r = missingReason(c, world, entries);
      if (r) return r;
    }
    return undefined;
  }
  const absent = namedBy(check, world, entries).find((n) => !n.exists);
  if (!absent) return undefined;
  const missing =
    absent.namespace === undefined
      ? msg('engine.check.missing', { kind: absent.kind, name: absent.name })
      : msg('engine.check.missingIn', { kind: absent.kind, name: absent.name, namespace: absent.namespace });
  const close = suggestions(absent.name, absent.candidates).slice(0, 3);
  return close.length === 0 ? missing : msg('engine.check.missingSimilar', { missing, names: close.join(', ') });
}
