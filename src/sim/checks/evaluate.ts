import type { Node, World } from '../core/types';
import { podIsActive } from '../lifecycle/apply';
import { autoscalerTraceEntries } from '../autoscalers/trace';
import { peekKarpenterState } from '../autoscalers/karpenter/controller';
import type { KedaWorldState } from '../autoscalers/keda/state';
import type { Check, CheckValue, CompareOp, EventCheck } from './types';
import { missingReason } from './missing';

/** How far an event check has read the world's event ring, and whether it found its event. */
export interface EventScan {
  /** world.eventCount up to which events were looked at. */
  cursor: number;
  seen: boolean;
}

/**
 * Where a check is evaluated: the world, when the check was attached (a lesson step began) and the
 * event scans of its event predicates, keyed by their path in the check tree. Plain data, so it can
 * live next to a session and cross a Worker boundary.
 */
export interface CheckScope {
  startMs: number;
  /** world.eventCount when the check was attached: only later events count. */
  startEventCount: number;
  scans: Record<string, EventScan>;
}

export function compare(observed: number, op: CompareOp, value: number): boolean {
  switch (op) {
    case '>=':
      return observed >= value;
    case '<=':
      return observed <= value;
    case '=':
      return observed === value;
    case '!=':
      return observed !== value;
    case '>':
      return observed > value;
    case '<':
      return observed < value;
  }
}

/** One tick's readings, computed at most once however many checks ask. */
class Readings {
  private entries: Record<string, Record<string, unknown>> | undefined;
  constructor(readonly world: World) {}
  autoscaler(key: string): Record<string, unknown> | undefined {
    return this.all()[key];
  }
  all(): Record<string, Record<string, unknown>> {
    this.entries ??= autoscalerTraceEntries(this.world);
    return this.entries;
  }
}

/** The status of a ScaledObject's Active condition ("True", "False", "Unknown"); undefined when there is no such object. */
function scaledObjectActive(world: World, name: string): string | undefined {
  const keda = world.autoscalers.keda as KedaWorldState | undefined;
  if (!keda) return undefined;
  // Keyed by name as the trace keys ScaledObjects (the last namespace in order wins there too).
  let status: string | undefined;
  for (const key of Object.keys(keda.objects).sort()) {
    const so = keda.objects[key].so;
    if (so.metadata.name === name) status = so.status?.conditions.find((c) => c.type === 'Active')?.status ?? 'Unknown';
  }
  return status;
}

/** Registered with the API server: what `kubectl get nodes` lists (and the trace counts). */
function registered(n: Node): boolean {
  return n.state !== 'Launching' && n.state !== 'Gone';
}

function nodeReady(n: Node): boolean {
  return n.state === 'Ready' || n.state === 'Cordoned' || n.state === 'Draining';
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function compared(observed: number | undefined, op: CompareOp, value: number): CheckValue {
  if (observed === undefined) return { holds: false };
  return { holds: compare(observed, op, value), observed };
}

function comparedMs(observedMs: number, op: CompareOp, value: number): CheckValue {
  return { holds: compare(observedMs, op, value), observed: observedMs, observedUnit: 'ms' };
}

function scanEvents(check: EventCheck, world: World, scope: CheckScope, key: string): boolean {
  let scan = scope.scans[key];
  // The world went back (a seek restored an earlier checkpoint): read again from the start.
  if (!scan || world.eventCount < scan.cursor) scan = scope.scans[key] = { cursor: scope.startEventCount, seen: false };
  if (scan.seen) return true;
  const firstKept = world.eventCount - world.events.length;
  for (let i = Math.max(scan.cursor, scope.startEventCount, firstKept); i < world.eventCount; i++) {
    const e = world.events[i - firstKept];
    if (e.reason !== check.reason) continue;
    if (check.kind !== undefined && e.kind !== check.kind) continue;
    if (check.name !== undefined && e.name !== check.name) continue;
    if (check.namespace !== undefined && e.namespace !== check.namespace) continue;
    if (check.eventType !== undefined && e.type !== check.eventType) continue;
    if (check.message !== undefined && !e.message.includes(check.message)) continue;
    scan.seen = true;
    break;
  }
  scan.cursor = world.eventCount;
  return scan.seen;
}

function evaluateAt(check: Check, r: Readings, scope: CheckScope, key: string): CheckValue {
  const world = r.world;
  switch (check.type) {
    case 'hpa':
      return compared(num(r.autoscaler(`HorizontalPodAutoscaler/${check.name}`)?.[check.field]), check.op, check.value);
    case 'deployment': {
      const ns = check.namespace ?? 'default';
      const d = world.deployments.get(check.name);
      if (!d || d.namespace !== ns) return { holds: false };
      if (check.field === 'replicas') return compared(d.replicas, check.op, check.value);
      let n = 0;
      for (const p of world.pods.values()) {
        if (p.deployment !== check.name || p.namespace !== ns || !podIsActive(p)) continue;
        if (check.field === 'pods' || (check.field === 'ready' && p.state === 'Ready') || (check.field === 'pending' && p.state === 'Pending')) n++;
      }
      return compared(n, check.op, check.value);
    }
    case 'nodes': {
      let n = 0;
      for (const node of world.nodes.values()) {
        if (!registered(node)) continue;
        if (check.nodeGroup !== undefined && (node.poolKind !== 'nodeGroup' || node.pool !== check.nodeGroup)) continue;
        if (check.nodePool !== undefined && (node.poolKind !== 'nodePool' || node.pool !== check.nodePool)) continue;
        if (check.capacityType !== undefined && node.capacityType !== check.capacityType) continue;
        if (check.instanceType !== undefined && node.instanceType !== check.instanceType) continue;
        if (check.ready && !nodeReady(node)) continue;
        n++;
      }
      return compared(n, check.op, check.value);
    }
    case 'pods': {
      let n = 0;
      for (const p of world.pods.values()) {
        if (check.namespace !== undefined ? p.namespace !== check.namespace : p.namespace === 'kube-system') continue;
        if (check.deployment !== undefined && p.deployment !== check.deployment) continue;
        const inPhase =
          check.phase === 'Pending' ? p.state === 'Pending' : check.phase === 'Ready' ? p.state === 'Ready' : p.state === 'Running' || p.state === 'Ready';
        if (inPhase) n++;
      }
      return compared(n, check.op, check.value);
    }
    case 'event':
      return { holds: scanEvents(check, world, scope, key) };
    case 'nodeClaim': {
      const claims = Object.values(peekKarpenterState(world)?.nodeClaims ?? {});
      let n = 0;
      for (const c of claims) {
        if (c.deletingMs >= 0) continue;
        if (check.capacityType !== undefined && c.capacityType !== check.capacityType) continue;
        if (check.nodePool !== undefined && c.nodePool !== check.nodePool) continue;
        if (check.instanceType !== undefined && c.instanceType !== check.instanceType) continue;
        if (check.registered && c.registeredMs < 0) continue;
        n++;
      }
      return compared(n, check.op, check.value);
    }
    case 'vpa': {
      const bound = r.autoscaler(`VerticalPodAutoscaler/${check.name}`)?.[check.bound] as { cpuMillis: number; memoryMiB: number } | null | undefined;
      return compared(bound ? (check.resource === 'cpu' ? bound.cpuMillis : bound.memoryMiB) : undefined, check.op, check.value);
    }
    case 'scaledObject': {
      // KEDA's Active condition as it reports it: before the first poll it is Unknown, which is
      // neither active nor inactive (`kubectl get so` shows ACTIVE Unknown).
      const active = scaledObjectActive(world, check.name);
      return { holds: active === (check.active ? 'True' : 'False') };
    }
    case 'queue':
      return compared(num(r.autoscaler(`Queue/${check.name}`)?.[check.field]), check.op, check.value);
    case 'cost': {
      let cost = 0;
      for (const n of world.nodes.values()) if (n.state !== 'Gone') cost += n.pricePerHour;
      return compared(Math.round(cost * 10_000) / 10_000, check.op, check.value);
    }
    case 'time':
      return comparedMs(world.timeMs, check.op, check.value);
    case 'elapsed':
      return comparedMs(world.timeMs - scope.startMs, check.op, check.value);
    case 'all': {
      // Every branch is evaluated (no short cut) so event scans keep up with the ring.
      const values = check.checks.map((c, i) => evaluateAt(c, r, scope, `${key}.${i}`));
      return { holds: values.every((v) => v.holds) };
    }
    case 'any': {
      const values = check.checks.map((c, i) => evaluateAt(c, r, scope, `${key}.${i}`));
      return { holds: values.some((v) => v.holds) };
    }
    case 'not': {
      const inner = evaluateAt(check.check, r, scope, `${key}.0`);
      return { holds: !inner.holds, ...(inner.observed !== undefined ? { observed: inner.observed } : {}) };
    }
  }
}

export function newScope(world: World): CheckScope {
  return { startMs: world.timeMs, startEventCount: world.eventCount, scans: {} };
}

/** A check that does not hold says why when an object it names does not exist (a typo, or not created yet). */
function evaluateTop(check: Check, r: Readings, scope: CheckScope, key: string): CheckValue {
  const v = evaluateAt(check, r, scope, key);
  if (v.holds) return v;
  const reason = missingReason(check, r.world, () => r.all());
  return reason ? { ...v, reason } : v;
}

/** Evaluate several checks on one world state (readings are shared); `keys` name their event scans. */
export function evaluateChecks(checks: readonly Check[], world: World, scope: CheckScope, keys?: readonly string[]): CheckValue[] {
  const r = new Readings(world);
  return checks.map((c, i) => evaluateTop(c, r, scope, keys?.[i] ?? String(i)));
}

/** Evaluate one check now. Event predicates advance their scans in `scope`. */
export function evaluateCheck(check: Check, world: World, scope: CheckScope, key = '0'): CheckValue {
  return evaluateTop(check, new Readings(world), scope, key);
}
