/**
 * The copies an HPA sync makes of its object and status, as literals when the source has the
 * shape the engine itself builds. V8 runs a spread followed by keys (`{ ...previous, currentReplicas }`)
 * on a slow path: ~0.7–1 µs an object, several per sync, against ~25 ns for a literal. The result
 * must be what the spread gives, key order included (kubectl's -o yaml and the checkpoints show
 * it), so a literal is used only when the source's own keys are exactly the listed ones, in that
 * order; any other object (a status imported from a cluster, a first sync) takes the spread.
 * The sim's objects are plain data: no symbol keys and no inherited enumerable keys, which for…in
 * would not see or would see in addition to what a spread copies.
 */
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerStatus, MetricStatus } from './types';

/** Whether `o`'s enumerable keys are `keys`, in that order (for…in allocates nothing, unlike Object.keys). */
export function keysAre(o: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

const HPA_KEYS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'] as const;
const HPA_KEYS_NO_STATUS = ['apiVersion', 'kind', 'metadata', 'spec'] as const;

/** `{ ...hpa, status }`. */
export function hpaWithStatus(hpa: HorizontalPodAutoscaler, status: HorizontalPodAutoscalerStatus): HorizontalPodAutoscaler {
  if (keysAre(hpa, HPA_KEYS) || keysAre(hpa, HPA_KEYS_NO_STATUS)) {
    return { apiVersion: hpa.apiVersion, kind: hpa.kind, metadata: hpa.metadata, spec: hpa.spec, status };
  }
  return { ...hpa, status };
}

/** The status after the first sync that computed metrics (finish adds conditions), and after a rescale. */
const STATUS_KEYS = ['currentReplicas', 'desiredReplicas', 'currentMetrics', 'conditions'] as const;
const STATUS_KEYS_SCALED = ['currentReplicas', 'desiredReplicas', 'currentMetrics', 'conditions', 'lastScaleTime'] as const;

/** `{ ...previous, currentReplicas, desiredReplicas, currentMetrics }`. */
export function statusWith(
  previous: HorizontalPodAutoscalerStatus,
  currentReplicas: number,
  desiredReplicas: number,
  currentMetrics: MetricStatus[] | undefined,
): HorizontalPodAutoscalerStatus {
  if (keysAre(previous, STATUS_KEYS)) return { currentReplicas, desiredReplicas, currentMetrics, conditions: previous.conditions };
  if (keysAre(previous, STATUS_KEYS_SCALED)) {
    return { currentReplicas, desiredReplicas, currentMetrics, conditions: previous.conditions, lastScaleTime: previous.lastScaleTime };
  }
  return { ...previous, currentReplicas, desiredReplicas, currentMetrics };
}

/**
 * `previous` itself when it already reads `{ ...previous, currentReplicas, desiredReplicas,
 * currentMetrics }` (the engine's own shape, these values, the same metrics list), else statusWith:
 * the steady sync's status is the one it read, and nothing edits a status in place.
 */
export function statusUnlessSame(
  previous: HorizontalPodAutoscalerStatus,
  currentReplicas: number,
  desiredReplicas: number,
  currentMetrics: MetricStatus[] | undefined,
): HorizontalPodAutoscalerStatus {
  const same =
    previous.currentReplicas === currentReplicas &&
    previous.desiredReplicas === desiredReplicas &&
    previous.currentMetrics === currentMetrics &&
    (keysAre(previous, STATUS_KEYS) || keysAre(previous, STATUS_KEYS_SCALED));
  return same ? previous : statusWith(previous, currentReplicas, desiredReplicas, currentMetrics);
}

/** `{ ...previous, currentReplicas, desiredReplicas, currentMetrics, lastScaleTime }`. */
export function scaledStatus(
  previous: HorizontalPodAutoscalerStatus,
  currentReplicas: number,
  desiredReplicas: number,
  currentMetrics: MetricStatus[] | undefined,
  lastScaleTime: number,
): HorizontalPodAutoscalerStatus {
  if (keysAre(previous, STATUS_KEYS) || keysAre(previous, STATUS_KEYS_SCALED)) {
    return { currentReplicas, desiredReplicas, currentMetrics, conditions: previous.conditions, lastScaleTime };
  }
  return { ...previous, currentReplicas, desiredReplicas, currentMetrics, lastScaleTime };
}

/**
 * Whether two pieces of plain data (a status, its metrics) are equal, keys in the same order
 * included: what serialises the same (-o yaml, checkpoints). Allocates nothing; objects here have
 * a handful of keys, so the quadratic order check is a few steps.
 */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aIsList = Array.isArray(a);
  if (aIsList !== Array.isArray(b)) return false;
  if (aIsList) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!samePlainData(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let i = 0;
  for (const k in x) {
    if (keyAt(y, i) !== k || !samePlainData(x[k], y[k])) return false;
    i++;
  }
  return keyAt(y, i) === undefined;
}

function keyAt(o: object, index: number): string | undefined {
  let i = 0;
  for (const k in o) if (i++ === index) return k;
  return undefined;
}

/** `status` is `previous` key for key (their conditions compared as lists of the same objects). */
export function sameStatusValues(status: HorizontalPodAutoscalerStatus, previous: HorizontalPodAutoscalerStatus): boolean {
  return status === previous || samePlainData(status, previous);
}
