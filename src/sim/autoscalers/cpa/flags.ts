import { parseGoBool, tokenizeArgs } from '../cluster-autoscaler/goFlags';

/** A `--target` entry: `deployment/NAME`, `replicaset/NAME` or `replicationcontroller/NAME`. */
export interface CpaTarget {
  kind: 'Deployment' | 'ReplicaSet' | 'ReplicationController' | 'StatefulSet';
  name: string;
}

export interface CpaOptions {
  configMap: string;
  namespace: string;
  targets: CpaTarget[];
  /** `--default-params`: ConfigMap data to create when the ConfigMap is missing. */
  defaultParams?: Record<string, string>;
  pollPeriodSeconds: number;
  nodeLabels?: Record<string, string>;
  maxSyncFailures: number;
  verbosity: number;
}

export interface ParsedCpaFlags {
  options: CpaOptions;
  notices: string[];
  warnings: string[];
  errors: string[];
}

const TARGET_KINDS: Record<string, CpaTarget['kind']> = {
  deployment: 'Deployment',
  replicaset: 'ReplicaSet',
  replicationcontroller: 'ReplicationController',
  statefulset: 'StatefulSet',
};

const SIMULATED = new Set([
  'configmap',
  'target',
  'namespace',
  'default-params',
  'poll-period-seconds',
  'nodelabels',
  'max-sync-failures',
  'v',
]);
/** Real flags that change nothing the playground shows. */
const NOT_SIMULATED = new Set([
  'logtostderr',
  'alsologtostderr',
  'stderrthreshold',
  'log-dir',
  'log-file',
  'log-backtrace-at',
  'vmodule',
  'kubeconfig',
  'version',
  'healthport',
]);
const BOOL_FLAGS = new Set(['logtostderr', 'alsologtostderr', 'version']);

export function parseCpaTargets(text: string): CpaTarget[] | string {
  const targets: CpaTarget[] = [];
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const [kind, name, extra] = item.split('/');
    const k = TARGET_KINDS[kind?.toLowerCase() ?? ''];
    if (!k || !name || extra !== undefined) {
      return `target format error: ${item} (want <kind>/<name>, kind one of ${Object.keys(TARGET_KINDS).join(', ')})`;
    }
    targets.push({ kind: k, name });
  }
  return targets;
}

export function parseCpaFlags(argv: readonly string[]): ParsedCpaFlags {
  const known = new Set([...SIMULATED, ...NOT_SIMULATED]);
  const { flags, positional } = tokenizeArgs(argv, BOOL_FLAGS, known);
  const options: CpaOptions = {
    configMap: '',
    namespace: 'default',
    targets: [],
    pollPeriodSeconds: 10,
    maxSyncFailures: 0,
    verbosity: 0,
  };
  const notices: string[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const word of positional) warnings.push(`unexpected argument "${word}" is ignored`);
  for (const f of flags) {
    const v = f.value ?? '';
    switch (f.name) {
      case 'configmap':
        options.configMap = v;
        break;
      case 'namespace':
        options.namespace = v;
        break;
      case 'target': {
        const t = parseCpaTargets(v);
        if (typeof t === 'string') errors.push(t);
        else options.targets = t;
        break;
      }
      case 'default-params': {
        try {
          const parsed = JSON.parse(v) as Record<string, unknown>;
          options.defaultParams = Object.fromEntries(
            Object.entries(parsed).map(([k, val]) => [
              k,
              typeof val === 'string' ? val : JSON.stringify(val),
            ]),
          );
        } catch (err) {
          errors.push(`invalid --default-params: ${(err as Error).message}`);
        }
        break;
      }
      case 'poll-period-seconds':
      case 'max-sync-failures':
      case 'v': {
        const n = Number(v);
        if (v === '' || !Number.isInteger(n) || n < 0) {
          errors.push(`invalid value "${v}" for flag --${f.name}: parse error`);
        } else if (f.name === 'poll-period-seconds') options.pollPeriodSeconds = n;
        else if (f.name === 'max-sync-failures') options.maxSyncFailures = n;
        else options.verbosity = n;
        break;
      }
      case 'nodelabels': {
        const labels: Record<string, string> = {};
        for (const pair of v.split(',').filter((s) => s !== '')) {
          const [k, val] = pair.split('=');
          if (!k || val === undefined) errors.push(`invalid --nodelabels entry "${pair}" (want key=value)`);
          else labels[k] = val;
        }
        options.nodeLabels = labels;
        break;
      }
      default:
        if (NOT_SIMULATED.has(f.name)) {
          if (BOOL_FLAGS.has(f.name) && parseGoBool(f.value) === undefined) {
            errors.push(`invalid boolean value "${v}" for flag --${f.name}`);
          }
          notices.push(`--${f.name} is accepted but not simulated (it only affects logging/process setup)`);
        } else {
          warnings.push(`unknown flag: --${f.name} (cluster-proportional-autoscaler would refuse to start)`);
        }
    }
  }
  if (options.configMap === '') errors.push('--configmap parameter cannot be empty');
  if (options.targets.length === 0) errors.push('--target parameter cannot be empty');
  if (options.pollPeriodSeconds === 0) errors.push('--poll-period-seconds must be greater than 0');
  return { options, notices, warnings, errors };
}
