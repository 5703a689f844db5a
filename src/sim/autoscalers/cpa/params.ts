/**
 * The cluster-proportional-autoscaler's ConfigMap: exactly one key, `linear` or `ladder`, whose
 * value is JSON. Validation and error texts follow upstream's plugin.go and the controllers'
 * parseParams. Go's json.Unmarshal ignores unknown keys; we do too, but say so.
 */

export interface LinearParams {
  mode: 'linear';
  coresPerReplica: number;
  nodesPerReplica: number;
  min: number;
  /** 0 = unbounded. */
  max: number;
  preventSinglePointFailure: boolean;
  includeUnschedulableNodes: boolean;
}

export type LadderEntry = [threshold: number, replicas: number];

export interface LadderParams {
  mode: 'ladder';
  /** Sorted by threshold, as the controller sorts them after parsing. */
  coresToReplicas: LadderEntry[];
  nodesToReplicas: LadderEntry[];
  includeUnschedulableNodes: boolean;
}

export type CpaParams = LinearParams | LadderParams;

export type ParseResult<T> = { ok: true; params: T; notices: string[] } | { ok: false; error: string };

const LINEAR_KEYS = [
  'coresPerReplica',
  'nodesPerReplica',
  'min',
  'max',
  'preventSinglePointFailure',
  'includeUnschedulableNodes',
];
const LADDER_KEYS = ['coresToReplicas', 'nodesToReplicas', 'includeUnschedulableNodes'];

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Mirrors the message of Go's json.UnmarshalTypeError. */
function typeError(value: unknown, field: string, want: string, struct: string): string {
  const got = typeof value === 'number' ? `number ${value}` : goType(value);
  return `could not parse parameters (json: cannot unmarshal ${got} into Go struct field ${struct}.${field} of type ${want})`;
}

function parseJsonObject(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `could not parse parameters (${(err as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      error: `could not parse parameters (json: cannot unmarshal ${goType(value)} into Go value)`,
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function unknownKeyNotices(obj: Record<string, unknown>, known: string[], mode: string): string[] {
  return Object.keys(obj)
    .filter((k) => !known.includes(k))
    .map((k) => `${mode}: unknown field "${k}" is ignored by cluster-proportional-autoscaler`);
}

/** Upstream linearcontroller.parseParams (per-replica values are float64, min/max int). */
export function parseLinearParams(json: string | Record<string, unknown>): ParseResult<LinearParams> {
  const parsed = typeof json === 'string' ? parseJsonObject(json) : { ok: true as const, value: json };
  if (!parsed.ok) return parsed;
  const o = parsed.value;
  const struct = 'linearParams';
  const num = (k: string, integer: boolean): number | string => {
    const v = o[k];
    if (v === undefined || v === null) return 0;
    if (typeof v !== 'number' || (integer && !Number.isInteger(v)))
      return typeError(v, k, integer ? 'int' : 'float64', struct);
    return v;
  };
  const bool = (k: string): boolean | string => {
    const v = o[k];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') return typeError(v, k, 'bool', struct);
    return v;
  };
  const cores = num('coresPerReplica', false);
  const nodes = num('nodesPerReplica', false);
  const min = num('min', true);
  const max = num('max', true);
  const spf = bool('preventSinglePointFailure');
  const unsched = bool('includeUnschedulableNodes');
  for (const v of [cores, nodes, min, max, spf, unsched])
    if (typeof v === 'string') return { ok: false, error: v };
  const p: LinearParams = {
    mode: 'linear',
    coresPerReplica: cores as number,
    nodesPerReplica: nodes as number,
    min: min as number,
    max: max as number,
    preventSinglePointFailure: spf as boolean,
    includeUnschedulableNodes: unsched as boolean,
  };
  const notices = unknownKeyNotices(o, LINEAR_KEYS, 'linear');
  if (p.min < 0) return { ok: false, error: `invalid negative value for min: ${p.min}` };
  if (p.min === 0) {
    p.min = 1;
    notices.push('Defaulting min replicas count to 1 for linear controller');
  }
  if (p.max !== 0 && p.max < p.min) {
    return {
      ok: false,
      error: `max replicas count ${p.max} should be greater than / equal to min replicas count ${p.min}`,
    };
  }
  if (p.coresPerReplica === 0 && p.nodesPerReplica === 0) {
    return {
      ok: false,
      error: 'should at least provide either CoresPerReplica or NodesPerReplica (Greater than 0)',
    };
  }
  if (p.coresPerReplica < 0)
    return { ok: false, error: `invalid negative value for coresPerReplica: ${p.coresPerReplica}` };
  if (p.nodesPerReplica < 0)
    return { ok: false, error: `invalid negative value for nodesPerReplica: ${p.nodesPerReplica}` };
  return { ok: true, params: p, notices };
}

function parseEntries(v: unknown, key: string, mapName: string): LadderEntry[] | string {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return typeError(v, key, 'laddercontroller.paramEntries', 'ladderParams');
  const out: LadderEntry[] = [];
  for (const e of v as unknown[]) {
    const shown = Array.isArray(e) ? `[${e.join(' ')}]` : JSON.stringify(e);
    if (!Array.isArray(e) || e.length !== 2) return `invalid element ${shown} in ${mapName}`;
    if (!e.every((x) => typeof x === 'number' && Number.isInteger(x))) {
      return typeError(
        e.find((x) => typeof x !== 'number' || !Number.isInteger(x)),
        key,
        'int',
        'ladderParams',
      );
    }
    const [threshold, replicas] = e as number[];
    if (threshold < 0 || replicas < 0) return `invalid negative values in entry ${shown} in ${mapName}`;
    out.push([threshold, replicas]);
  }
  // The controller sorts by threshold (sort.Sort is not stable; equal thresholds are a config smell anyway).
  return out.sort((a, b) => a[0] - b[0]);
}

/** Upstream laddercontroller.parseParams. */
export function parseLadderParams(json: string | Record<string, unknown>): ParseResult<LadderParams> {
  const parsed = typeof json === 'string' ? parseJsonObject(json) : { ok: true as const, value: json };
  if (!parsed.ok) return parsed;
  const o = parsed.value;
  const cores = parseEntries(o.coresToReplicas, 'coresToReplicas', 'cores_to_replicas_map');
  if (typeof cores === 'string') return { ok: false, error: cores };
  const nodes = parseEntries(o.nodesToReplicas, 'nodesToReplicas', 'nodes_to_replicas_map');
  if (typeof nodes === 'string') return { ok: false, error: nodes };
  const unsched = o.includeUnschedulableNodes ?? false;
  if (typeof unsched !== 'boolean') {
    return { ok: false, error: typeError(unsched, 'includeUnschedulableNodes', 'bool', 'ladderParams') };
  }
  return {
    ok: true,
    params: {
      mode: 'ladder',
      coresToReplicas: cores,
      nodesToReplicas: nodes,
      includeUnschedulableNodes: unsched,
    },
    notices: unknownKeyNotices(o, LADDER_KEYS, 'ladder'),
  };
}

/** plugin.EnsureController + the controller's SyncConfig: one key, a known mode, valid params. */
export function parseCpaConfigMapData(data: Record<string, string>): ParseResult<CpaParams> {
  const keys = Object.keys(data);
  if (keys.length !== 1) {
    const shown = keys.map((k) => `${k}:${data[k]}`).join(' ');
    return { ok: false, error: `invalid configMap format, expected only one entry, got: map[${shown}]` };
  }
  const mode = keys[0];
  if (mode === 'linear') {
    const r = parseLinearParams(data.linear);
    return r.ok ? r : { ok: false, error: `error parsing linear params: ${r.error}` };
  }
  if (mode === 'ladder') {
    const r = parseLadderParams(data.ladder);
    return r.ok ? r : { ok: false, error: `error parsing ladder params: ${r.error}` };
  }
  return { ok: false, error: `not a supported control mode: ${mode}` };
}

/** The chart's `options.*` keys and the flags its template renders them into. */
const HELM_OPTION_FLAGS: Record<string, string> = {
  alsoLogToStdErr: 'alsologtostderr',
  logLevel: 'v',
  logToStdErr: 'logtostderr',
  maxSyncFailures: 'max-sync-failures',
  namespace: 'namespace',
  nodeLabels: 'nodelabels',
  pollPeriodSeconds: 'poll-period-seconds',
  target: 'target',
};

/**
 * The seed's helm values (`config.ladder` / `config.linear` as objects, `options.target`) turned
 * into the ConfigMap data and flags the chart would render.
 */
export function cpaFromHelmValues(values: {
  config?: { ladder?: Record<string, unknown>; linear?: Record<string, unknown> };
  options?: Record<string, unknown>;
}): { data: Record<string, string>; args: string[] } {
  const data: Record<string, string> = {};
  if (values.config?.ladder) data.ladder = JSON.stringify(values.config.ladder);
  if (values.config?.linear) data.linear = JSON.stringify(values.config.linear);
  const args: string[] = [];
  for (const [k, v] of Object.entries(values.options ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    const flag = HELM_OPTION_FLAGS[k] ?? k;
    if (k === 'nodeLabels' && typeof v === 'object') {
      const pairs = Object.entries(v as Record<string, unknown>).map(
        ([lk, lv]) => `${lk}=${String(lv as string)}`,
      );
      if (pairs.length > 0) args.push(`--${flag}=${pairs.join(',')}`);
      continue;
    }
    const value = typeof v === 'string' ? v : JSON.stringify(v);
    args.push(`--${flag}=${value}`);
  }
  return { data, args };
}
