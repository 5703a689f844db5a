import type { World } from '../../core/types';
import { deterministicUuid, hash128 } from '../../core/deterministicId';
import { KARPENTER_COMMITS } from './v1Commits';

export { deterministicUuid };

/**
 * What controller-runtime puts in front of a Karpenter 1.x line. Karpenter's controllers log
 * through the reconcile logger (controller-runtime v0.22 reconcileHandler), which carries
 * "controller", then for controllers built with For(kind) "controllerGroup", "controllerKind" and
 * the object as {"<Kind>":{"name":…}}, then "namespace", "name" and "reconcileID". Singletons
 * (provisioner, disruption, interruption) reconcile an empty request: namespace and name are "".
 * Real lines showing this shape: aws/karpenter-provider-aws#7158 (provisioner, nodeclaim.lifecycle).
 */
export interface ReconcileContext {
  controller: string;
  object?: { group: string; kind: string; name: string };
}

export const PROVISIONER: ReconcileContext = { controller: 'provisioner' };
export const DISRUPTION: ReconcileContext = { controller: 'disruption' };
export const INTERRUPTION: ReconcileContext = { controller: 'interruption' };

export function nodeClaimLifecycle(name: string): ReconcileContext {
  return { controller: 'nodeclaim.lifecycle', object: { group: 'karpenter.sh', kind: 'NodeClaim', name } };
}

export function nodeClaimExpiration(name: string): ReconcileContext {
  return { controller: 'nodeclaim.expiration', object: { group: 'karpenter.sh', kind: 'NodeClaim', name } };
}

/** node.termination is For(&corev1.Node{}): the core group, so controllerGroup is "". */
export function nodeTermination(name: string): ReconcileContext {
  return { controller: 'node.termination', object: { group: '', kind: 'Node', name } };
}

/** The release the examples run when no Karpenter Deployment names its image tag. */
const DEFAULT_TAG = '1.8.1';

/** The image tag of the Karpenter Deployment's controller container, e.g. "1.8.1". */
export function karpenterImageTag(world: World): string | undefined {
  for (const d of world.deployments.values()) {
    for (const c of d.template.containers) {
      const [repo, tag] = c.image.split('@')[0].split(/:(?=[^/]*$)/);
      if (tag && /(^|\/)karpenter\/(controller|karpenter)$/.test(repo)) return tag.replace(/^v/, '');
    }
  }
  return undefined;
}

export function karpenterCommit(world: World): string {
  return KARPENTER_COMMITS[karpenterImageTag(world) ?? DEFAULT_TAG] ?? KARPENTER_COMMITS[DEFAULT_TAG];
}

/** One reconcile's ID: lines of the same controller, object and instant share it, as one reconcile's lines do. */
export function reconcileId(ctx: ReconcileContext, timeMs: number): string {
  return deterministicUuid(`reconcile/${ctx.controller}/${ctx.object?.name ?? ''}/${timeMs}`);
}

/**
 * Go's time.Duration.String() for a positive duration below one second, e.g. "17.283583ms".
 * StringDurationEncoder (logging.go) prints durations this way.
 */
export function formatGoSubsecond(ns: number): string {
  const whole = Math.floor(ns);
  if (whole < 1000) return `${whole}ns`;
  const [unit, div] = whole < 1_000_000 ? ['µs', 1000] : ['ms', 1_000_000];
  const frac = String(whole % div).padStart(String(div).length - 1, '0').replace(/0+$/, '');
  return `${Math.floor(whole / div)}${frac ? `.${frac}` : ''}${unit}`;
}

/**
 * The provisioner's Schedule() wall time ("duration" of "found provisionable pod(s)"). The sim
 * solves in no simulated time, so the value is a stable stand-in in the range real scale-ups show
 * (tens of milliseconds), hashed from the instant and the batch.
 */
export function scheduleDuration(timeMs: number, podCount: number): string {
  const [a] = hash128(`schedule/${timeMs}/${podCount}`);
  return formatGoSubsecond(8_000_000 + (a % 40_000_000));
}

/** The fields controller-runtime and WithCommit put after "message", in zap's order. */
export function contextFields(commit: string, ctx: ReconcileContext | undefined, timeMs: number): Record<string, unknown> {
  const out: Record<string, unknown> = { commit };
  if (!ctx) return out;
  out.controller = ctx.controller;
  if (ctx.object) {
    out.controllerGroup = ctx.object.group;
    out.controllerKind = ctx.object.kind;
    out[ctx.object.kind] = { name: ctx.object.name };
  }
  out.namespace = '';
  out.name = ctx.object?.name ?? '';
  out.reconcileID = reconcileId(ctx, timeMs);
  return out;
}
