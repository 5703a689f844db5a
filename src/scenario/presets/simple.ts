/** The small presets: spot capacity, HPA behaviour, VPA updates off. */
import { isRecord, nameOf, parseScenarioDocs, setScenarioName, specOf, writeScenarioDocs, type Doc, type ScenarioDocs } from './docs';
import { note, type PresetId, type PresetNote, type PresetResult } from './types';

function load(id: PresetId, text: string): ScenarioDocs | PresetResult {
  const docs = parseScenarioDocs(text);
  if ('error' in docs) return { ok: false, id, reason: note('unreadable', { error: docs.error }, `cannot read the scenario: ${docs.error}`) };
  return docs;
}

function done(id: PresetId, docs: ScenarioDocs, suffix: string, title: string, notes: PresetNote[]): PresetResult {
  const base = nameOf(docs.scenario) || 'scenario';
  const scenarioName = setScenarioName(docs, suffix);
  return { ok: true, id, scenarioName, notes, text: writeScenarioDocs(docs, `Run B: ${title} (generated from ${base})`) };
}

/** "Spot instead of on-demand": node groups and NodePools buy spot capacity. */
export function toSpot(text: string): PresetResult {
  const id = 'spot';
  const docs = load(id, text);
  if ('ok' in docs) return docs;
  const notes: PresetNote[] = [];
  const spec = specOf(docs);
  for (const g of Array.isArray(spec.nodeGroups) ? spec.nodeGroups.filter(isRecord) : []) {
    if (g.capacityType === 'spot') continue;
    g.capacityType = 'spot';
    notes.push(note('groupToSpot', { group: String(g.name) }, `node group ${String(g.name)} → spot`));
  }
  for (const pool of docs.manifests.filter((m) => m.kind === 'NodePool' || m.kind === 'Provisioner')) {
    const spec = isRecord(pool.spec) ? pool.spec : (pool.spec = {});
    const holder = pool.kind === 'NodePool' ? (isRecord(spec.template) ? spec.template : (spec.template = {})) : pool;
    const tspec = pool.kind === 'NodePool' ? (isRecord(holder.spec) ? holder.spec : (holder.spec = {})) : spec;
    const reqs = Array.isArray(tspec.requirements) ? tspec.requirements.filter(isRecord) : [];
    const ct = reqs.find((r) => r.key === 'karpenter.sh/capacity-type');
    if (ct && ct.operator === 'In' && Array.isArray(ct.values) && ct.values.length === 1 && ct.values[0] === 'spot') continue;
    const rest = reqs.filter((r) => r !== ct);
    tspec.requirements = [...rest, { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }];
    notes.push(note('nodePoolToSpot', { pool: nameOf(pool) }, `NodePool ${nameOf(pool)} → spot only`));
  }
  if (notes.length === 0) return { ok: false, id, reason: note('alreadySpot', {}, 'every node group and NodePool already uses spot') };
  return done(id, docs, 'spot', 'spot instead of on-demand', notes);
}

/**
 * HPA behaviour. Fast: scale up as the default does (100 % or 4 pods per 15 s, no window) and scale
 * down the same way with no stabilization window. Conservative: add 1 pod per minute after a 2-minute
 * window, remove 1 pod per 2 minutes after a 10-minute window.
 */
export const HPA_BEHAVIOR: Record<'hpa-fast' | 'hpa-conservative', Doc> = {
  'hpa-fast': {
    scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }] },
    scaleDown: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
  },
  'hpa-conservative': {
    scaleUp: { stabilizationWindowSeconds: 120, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
    scaleDown: { stabilizationWindowSeconds: 600, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 120 }] },
  },
};

const AUTOSCALE = /^kubectl\s+autoscale\s+(?:deployment|deploy|deployments)[/\s]([a-z0-9.-]+)(.*)$/;

/** `kubectl autoscale deployment X --cpu-percent=50 --min=1 --max=10` as the v2 object it creates. */
function hpaFromAutoscale(command: string): Doc | undefined {
  const m = AUTOSCALE.exec(command.trim());
  if (!m) return undefined;
  const flag = (name: string) => new RegExp(`--${name}[=\\s](\\d+)`).exec(m[2])?.[1];
  const max = flag('max');
  if (!max) return undefined;
  const cpu = flag('cpu-percent');
  const spec: Doc = {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: m[1] },
    minReplicas: Number(flag('min') ?? 1),
    maxReplicas: Number(max),
  };
  // Without --cpu-percent kubectl leaves the metric to the HPA's default of 80 %.
  spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: Number(cpu ?? 80) } } }];
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: m[1] }, spec };
}

function toV2(hpa: Doc): void {
  if (hpa.apiVersion !== 'autoscaling/v1') return;
  const spec = isRecord(hpa.spec) ? hpa.spec : {};
  hpa.apiVersion = 'autoscaling/v2';
  const target = spec.targetCPUUtilizationPercentage;
  delete spec.targetCPUUtilizationPercentage;
  spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: typeof target === 'number' ? target : 80 } } }];
}

export function toHpaBehavior(text: string, id: 'hpa-fast' | 'hpa-conservative'): PresetResult {
  const docs = load(id, text);
  if ('ok' in docs) return docs;
  const notes: PresetNote[] = [];
  const behavior = HPA_BEHAVIOR[id];
  const mode = id === 'hpa-fast' ? 'fast' : 'conservative';
  for (const hpa of docs.manifests.filter((m) => m.kind === 'HorizontalPodAutoscaler')) {
    toV2(hpa);
    (isRecord(hpa.spec) ? hpa.spec : (hpa.spec = {})).behavior = structuredClone(behavior);
    notes.push(note('hpaBehavior', { name: nameOf(hpa), mode }, `HorizontalPodAutoscaler ${nameOf(hpa)}: ${mode} behavior`));
  }
  const spec = specOf(docs);
  for (const entry of Array.isArray(spec.timeline) ? spec.timeline.filter(isRecord) : []) {
    if (typeof entry.run !== 'string') continue;
    const hpa = hpaFromAutoscale(entry.run);
    if (!hpa) continue;
    (hpa.spec as Doc).behavior = structuredClone(behavior);
    notes.push(note('autoscaleToApply', { name: nameOf(hpa), at: String(entry.at), mode }, `at ${String(entry.at)}: "kubectl autoscale" becomes an apply of HorizontalPodAutoscaler ${nameOf(hpa)} (same target, min, max and CPU target) with ${mode} behavior`));
    delete entry.run;
    entry.apply = hpa;
  }
  if (notes.length === 0) return { ok: false, id, reason: note('noHpa', {}, 'the scenario has no HorizontalPodAutoscaler') };
  return done(id, docs, id, `HPA behavior: ${mode}`, notes);
}

/** "VPA off": every VerticalPodAutoscaler keeps recommending but stops updating pods (updateMode Off). */
export function toVpaOff(text: string): PresetResult {
  const id = 'vpa-off';
  const docs = load(id, text);
  if ('ok' in docs) return docs;
  const notes: PresetNote[] = [];
  for (const vpa of docs.manifests.filter((m) => m.kind === 'VerticalPodAutoscaler')) {
    const spec = isRecord(vpa.spec) ? vpa.spec : (vpa.spec = {});
    const policy = isRecord(spec.updatePolicy) ? spec.updatePolicy : (spec.updatePolicy = {});
    if (policy.updateMode === 'Off') continue;
    const before = typeof policy.updateMode === 'string' ? policy.updateMode : 'Auto';
    notes.push(note('vpaOff', { name: nameOf(vpa), mode: before }, `VerticalPodAutoscaler ${nameOf(vpa)}: updateMode ${before} → Off (recommendations only)`));
    policy.updateMode = 'Off';
  }
  if (notes.length === 0) return { ok: false, id, reason: note('noVpa', {}, 'the scenario has no VerticalPodAutoscaler that updates pods') };
  return done(id, docs, 'vpa-off', 'VPA off', notes);
}
