import { amounts, bool, num, record, str, type TraceEntry } from './traceEntries';

/** One labelled number on a card. `labelKey` is under `autoscalers.figure.`. */
export interface Figure {
  labelKey: string;
  labelValues?: Record<string, string>;
  value: string;
}

const DASH = '–';
const n = (v: unknown, digits = 0): string => {
  const x = num(v);
  return x === undefined ? DASH : digits > 0 ? x.toFixed(digits) : String(Math.round(x));
};
const yesNo = (v: unknown): string => {
  const b = bool(v);
  return b === undefined ? DASH : b ? 'True' : 'False';
};

/** Millicores as kubectl prints them: 587m, 1 (whole cores), 1.5. */
export function formatCpu(millis: number | undefined): string {
  if (millis === undefined) return DASH;
  if (millis % 1000 === 0 && millis > 0) return String(millis / 1000);
  return `${Math.round(millis)}m`;
}

export function formatMiB(mib: number | undefined): string {
  if (mib === undefined) return DASH;
  return mib >= 1024 ? `${(mib / 1024).toFixed(1)}Gi` : `${Math.round(mib)}Mi`;
}

function resources(v: unknown): string {
  const a = amounts(v);
  if (!a) return DASH;
  return `${formatCpu(a.cpuMillis)} / ${formatMiB(a.memoryMiB)}`;
}

function seconds(v: unknown): string {
  const s = num(v);
  if (s === undefined) return DASH;
  if (s < 120) return `${Math.round(s)}s`;
  return `${Math.floor(s / 60)}m${Math.round(s % 60)}s`;
}

const f = (labelKey: string, value: string, labelValues?: Record<string, string>): Figure =>
  labelValues ? { labelKey, value, labelValues } : { labelKey, value };

function hpaFigures(e: TraceEntry): Figure[] {
  const out = [
    f('current', n(e.currentReplicas)),
    f('desired', n(e.desiredReplicas)),
    f('minMax', `${n(e.minReplicas)} / ${n(e.maxReplicas)}`),
  ];
  if (num(e.cpuTargetPercent) !== undefined) {
    out.push(f('cpu', `${n(e.cpuUtilizationPercent)}%`), f('cpuTarget', `${n(e.cpuTargetPercent)}%`));
  }
  return out;
}

function vpaFigures(e: TraceEntry): Figure[] {
  return [
    f('target', resources(e.target)),
    f('lowerBound', resources(e.lowerBound)),
    f('upperBound', resources(e.upperBound)),
    f('evictions', n(e.evictions)),
    f('resizedInPlace', n(e.resizedInPlace)),
  ];
}

function scaledObjectFigures(e: TraceEntry): Figure[] {
  const out = [
    f('replicas', n(e.replicas)),
    f('active', yesNo(e.active)),
    f('ready', yesNo(e.ready)),
    f('fallback', yesNo(e.fallback)),
    f('paused', yesNo(e.paused)),
  ];
  const hpa = str(e.hpa);
  if (hpa) out.push(f('hpa', hpa));
  for (const [metric, value] of Object.entries(record(e.metrics) ?? {}))
    out.push(f('metric', n(value, Number.isInteger(value) ? 0 : 2), { name: metric }));
  return out;
}

function queueFigures(e: TraceEntry): Figure[] {
  return [
    f('depth', n(e.depth)),
    f('visible', n(e.visible)),
    f('inFlight', n(e.inFlight)),
    f('oldestAge', seconds(e.oldestAgeSeconds)),
    f('produced', `${n(e.producedPerSecond, 1)}/s`),
    f('consumed', `${n(e.consumedPerSecond, 1)}/s`),
    f('consumers', n(e.readyConsumers)),
  ];
}

function nodePoolFigures(e: TraceEntry): Figure[] {
  const types = Array.isArray(e.instanceTypes)
    ? e.instanceTypes.filter((x): x is string => typeof x === 'string')
    : [];
  const out = [
    f('nodeClaims', n(e.nodeClaims)),
    f('nodes', n(e.nodes)),
    f('launching', n(e.launching)),
    f('deleting', n(e.deleting)),
    f('provisioning', str(e.provisioning) ?? DASH),
    f('disruption', str(e.disruption) ?? DASH),
    f('capacity', `${formatCpu(num(e.cpu))} CPU / ${formatMiB(num(e.memory))}`),
    f('cost', num(e.costPerHour) === undefined ? DASH : `$${n(e.costPerHour, 4)}/h`),
    f('instanceTypes', types.length > 0 ? types.join(', ') : DASH),
  ];
  if (num(e.limitCpu) !== undefined) out.push(f('cpuLimit', formatCpu(num(e.limitCpu))));
  return out;
}

function clusterAutoscalerFigures(e: TraceEntry): Figure[] {
  const out = [
    f('scaleUps', n(e.scaleUps)),
    f('scaleDowns', n(e.scaleDowns)),
    f('upcoming', n(e.upcomingNodes)),
    f('unneeded', n(e.unneededNodes)),
    f('deletingNodes', n(e.deletingNodes)),
  ];
  for (const [group, size] of Object.entries(record(e.desired) ?? {}).sort(([a], [b]) => a.localeCompare(b)))
    out.push(f('groupTarget', n(size), { name: group }));
  return out;
}

function cpaFigures(e: TraceEntry): Figure[] {
  return [f('replicas', n(e.replicas)), f('nodes', n(e.nodes)), f('cores', n(e.cores))];
}

/** An unknown kind still shows its plain fields, labelled by their own names. */
function genericFigures(e: TraceEntry): Figure[] {
  return Object.entries(e)
    .filter(
      ([k, v]) => k !== 'state' && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'),
    )
    .map(([k, v]) => ({ labelKey: '', labelValues: { raw: k }, value: String(v) }));
}

const BY_KIND: Record<string, (e: TraceEntry) => Figure[]> = {
  HorizontalPodAutoscaler: hpaFigures,
  VerticalPodAutoscaler: vpaFigures,
  ScaledObject: scaledObjectFigures,
  Queue: queueFigures,
  NodePool: nodePoolFigures,
  ClusterAutoscaler: clusterAutoscalerFigures,
  ClusterProportionalAutoscaler: cpaFigures,
};

export function cardFigures(kind: string, entry: TraceEntry): Figure[] {
  return (BY_KIND[kind] ?? genericFigures)(entry);
}
