import type { TraceSample } from '../trace/trace';
import type { CapacityEpisode } from './types';

/** Offered load counts as a step when it rises by more than this share and at least MIN_STEP_RPS. */
export const LOAD_STEP_SHARE = 0.1;
export const MIN_STEP_RPS = 1;
/** "Served" tolerates this share of offered requests dropped (timeouts at the edge of a step). */
export const DROP_TOLERANCE = 0.01;

/**
 * Demand went up at sample i: some workload's desired replicas rose (a scale command, an HPA or KEDA
 * scale-up, a new Deployment), or some load target's offered rate rose by more than 10 % and 1 rps.
 */
export function isDemandStep(prev: TraceSample, cur: TraceSample): boolean {
  for (const [name, w] of Object.entries(cur.workloads)) if (w.desired > (prev.workloads[name]?.desired ?? 0)) return true;
  for (const [target, l] of Object.entries(cur.load)) {
    const before = prev.load[target]?.offeredRps ?? 0;
    if (l.offeredRps - before >= MIN_STEP_RPS && l.offeredRps > before * (1 + LOAD_STEP_SHARE)) return true;
  }
  return false;
}

/**
 * Enough capacity: every workload has all desired replicas Ready and none Pending, and every load
 * target drops at most 1 % of what is offered with its p95 latency within the SLO.
 */
export function hasEnoughCapacity(s: TraceSample, sloMs: number): boolean {
  for (const w of Object.values(s.workloads)) if (w.ready < w.desired || w.pending > 0) return false;
  for (const l of Object.values(s.load)) {
    if (l.droppedRps > DROP_TOLERANCE * l.offeredRps) return false;
    if (l.p95LatencyMs > sloMs) return false;
  }
  return true;
}

/**
 * Episodes from a demand step to the first sample with enough capacity. A step that comes while an
 * episode is still open belongs to it (an HPA raising replicas again during one surge), so an
 * episode measures the whole time the cluster was short after demand first rose.
 */
export function capacityEpisodes(samples: readonly TraceSample[], sloMs: number): CapacityEpisode[] {
  const episodes: CapacityEpisode[] = [];
  let open: number | null = null;
  for (let i = 1; i < samples.length; i++) {
    const s = samples[i];
    if (open === null && isDemandStep(samples[i - 1], s)) open = s.t;
    if (open !== null && hasEnoughCapacity(s, sloMs)) {
      episodes.push({ stepSeconds: open, reachedSeconds: s.t, seconds: s.t - open, reached: true });
      open = null;
    }
  }
  if (open !== null) {
    const end = samples[samples.length - 1].t;
    episodes.push({ stepSeconds: open, reachedSeconds: null, seconds: end - open, reached: false });
  }
  return episodes;
}
