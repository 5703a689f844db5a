/**
 * The VPA (recommender, updater, admission controller) and KRR's history, plugged into the engine.
 * Importing this module also registers the recommender's OOM observer and the manifest validator.
 */
import type { World } from '../../core/types';
import { oomObservers } from '../../load/workloadModel';
import { registerManifestValidator } from '../../resources/manifestValidators';
import type { AutoscalerModule } from '../module';
import { admitVpaPod } from './admissionHook';
import { KRR_STEP_MS, sampleKrrHistory } from './krrHistory';
import { vpaManifestIssues } from './manifest';
import { observeOom, runRecommender } from './recommenderLoop';
import { BYTES_PER_MIB, VPA_DEFAULTS, type ResourceAmounts } from './types';
import { runUpdater } from './updaterLoop';
import { krrReportKind, verticalPodAutoscalerKind } from './vpaKinds';
import { vpaObjects, vpaState, type VpaPodDecision } from './worldState';
import { msg } from '../../core/message';

const DECISION_KEYS: Record<VpaPodDecision['action'], string> = {
  evicted: 'engine.vpa.decision.evicted',
  resizedInPlace: 'engine.vpa.decision.resizedInPlace',
  waiting: 'engine.vpa.decision.waiting',
  skipped: 'engine.vpa.decision.skipped',
};

if (!oomObservers.includes(observeOom)) oomObservers.push(observeOom);
registerManifestValidator('autoscaling.k8s.io/v1', 'VerticalPodAutoscaler', (doc) => vpaManifestIssues(doc));

function engineAmounts(r: ResourceAmounts | undefined): { cpuMillis: number; memoryMiB: number } | null {
  if (!r) return null;
  return { cpuMillis: r.cpu ?? 0, memoryMiB: Math.round(((r.memory ?? 0) / BYTES_PER_MIB) * 1000) / 1000 };
}

/** "VerticalPodAutoscaler/<name>" → state, the first container's target and bounds, and what the updater did. */
export function vpaTraceEntries(world: World): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const obj of vpaObjects(world)) {
    const first = obj.vpa.status?.recommendation?.containerRecommendations[0];
    out[`VerticalPodAutoscaler/${obj.vpa.metadata.name}`] = {
      state: obj.machine.value,
      target: engineAmounts(first?.target),
      lowerBound: engineAmounts(first?.lowerBound),
      upperBound: engineAmounts(first?.upperBound),
      evictions: obj.evictions,
      resizedInPlace: obj.resizedInPlace,
    };
  }
  return out;
}

export const vpaModule: AutoscalerModule = {
  name: 'vpa',
  explain(world) {
    return vpaObjects(world).map((o) => ({
      object: `VerticalPodAutoscaler/${o.vpa.metadata.name}`,
      state: o.machine.value,
      at: Math.max(o.lastUpdate.t, o.chart.at(-1)?.t ?? 0),
      lines: [
        ...o.explanation,
        ...o.lastUpdate.decisions.map((d) => msg(DECISION_KEYS[d.action], { pod: d.pod, reason: d.reason })),
      ],
    }));
  },
  controllers: [
    {
      name: 'vpa-recommender',
      periodMs: VPA_DEFAULTS.recommenderIntervalSeconds * 1000,
      phaseMs: VPA_DEFAULTS.recommenderIntervalSeconds * 1000,
      run: runRecommender,
    },
    {
      // A separate process from the recommender: it acts on a recommendation written half a minute earlier.
      name: 'vpa-updater',
      periodMs: VPA_DEFAULTS.updaterIntervalSeconds * 1000,
      phaseMs: VPA_DEFAULTS.updaterIntervalSeconds * 1000 + 30_000,
      run: runUpdater,
    },
    { name: 'krr-history', periodMs: KRR_STEP_MS, phaseMs: KRR_STEP_MS, run: (world) => sampleKrrHistory(world, vpaState(world).krr) },
  ],
  kinds: [verticalPodAutoscalerKind, krrReportKind],
  trace: vpaTraceEntries,
  admitPod: admitVpaPod,
};

export { krrRows, krrSimpleView } from './krrHistory';
export { vpaState, vpaObjects } from './worldState';
