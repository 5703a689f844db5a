import { parseGoBool, parseGoDuration, tokenizeArgs } from './goFlags';

/** `--nodes=MIN:MAX:NAME`. */
export interface StaticNodeGroupSpec {
  minSize: number;
  maxSize: number;
  name: string;
}

/** `--node-group-auto-discovery=asg:tag=k1,k2=v`: every listed tag must be on the ASG. */
export interface AsgAutoDiscoverySpec {
  tags: { key: string; value?: string }[];
}

export type ExpanderName = 'random' | 'most-pods' | 'least-waste' | 'price' | 'priority' | 'least-nodes';

/** The flags the simulation honours, with FIDELITY.md §5 defaults. Durations in seconds. */
export interface CaOptions {
  cloudProvider: string;
  nodeGroups: StaticNodeGroupSpec[];
  autoDiscovery: AsgAutoDiscoverySpec[];
  expanders: ExpanderName[];
  scanIntervalSeconds: number;
  scaleDownEnabled: boolean;
  scaleDownUtilizationThreshold: number;
  scaleDownGpuUtilizationThreshold: number;
  scaleDownUnneededTimeSeconds: number;
  scaleDownUnreadyTimeSeconds: number;
  scaleDownDelayAfterAddSeconds: number;
  scaleDownDelayAfterDeleteSeconds: number;
  scaleDownDelayAfterFailureSeconds: number;
  scaleDownUnreadyEnabled: boolean;
  maxNodeProvisionTimeSeconds: number;
  maxNodesTotal: number;
  coresTotal: { min: number; max: number };
  memoryTotalGiB: { min: number; max: number };
  maxNodesPerScaleUp: number;
  maxScaleDownParallelism: number;
  maxDrainParallelism: number;
  maxGracefulTerminationSeconds: number;
  maxPodEvictionTimeSeconds: number;
  newPodScaleUpDelaySeconds: number;
  okTotalUnreadyCount: number;
  maxTotalUnreadyPercentage: number;
  ignoreDaemonSetsUtilization: boolean;
  ignoreMirrorPodsUtilization: boolean;
  skipNodesWithLocalStorage: boolean;
  skipNodesWithSystemPods: boolean;
  unremovableNodeRecheckTimeoutSeconds: number;
  /** Wall-clock budget of one loop's removal simulation (planner.go); the simulated planner takes no time, so only 0 stops it. */
  scaleDownSimulationTimeoutSeconds: number;
  enforceNodeGroupMinSize: boolean;
  balanceSimilarNodeGroups: boolean;
  expendablePodsPriorityCutoff: number;
  initialNodeGroupBackoffSeconds: number;
  maxNodeGroupBackoffSeconds: number;
  nodeGroupBackoffResetSeconds: number;
  verbosity: number;
}

export const DEFAULT_CA_OPTIONS: CaOptions = {
  cloudProvider: 'aws',
  nodeGroups: [],
  autoDiscovery: [],
  expanders: ['least-waste'],
  scanIntervalSeconds: 10,
  scaleDownEnabled: true,
  scaleDownUtilizationThreshold: 0.5,
  scaleDownGpuUtilizationThreshold: 0.5,
  scaleDownUnneededTimeSeconds: 600,
  scaleDownUnreadyTimeSeconds: 1200,
  scaleDownDelayAfterAddSeconds: 600,
  scaleDownDelayAfterDeleteSeconds: 0,
  scaleDownDelayAfterFailureSeconds: 180,
  scaleDownUnreadyEnabled: true,
  maxNodeProvisionTimeSeconds: 900,
  maxNodesTotal: 0,
  coresTotal: { min: 0, max: 320000 },
  memoryTotalGiB: { min: 0, max: 6400000 },
  maxNodesPerScaleUp: 1000,
  maxScaleDownParallelism: 10,
  maxDrainParallelism: 1,
  maxGracefulTerminationSeconds: 600,
  maxPodEvictionTimeSeconds: 120,
  newPodScaleUpDelaySeconds: 0,
  okTotalUnreadyCount: 3,
  maxTotalUnreadyPercentage: 45,
  ignoreDaemonSetsUtilization: false,
  ignoreMirrorPodsUtilization: false,
  skipNodesWithLocalStorage: true,
  skipNodesWithSystemPods: true,
  unremovableNodeRecheckTimeoutSeconds: 300,
  scaleDownSimulationTimeoutSeconds: 30,
  enforceNodeGroupMinSize: false,
  balanceSimilarNodeGroups: false,
  expendablePodsPriorityCutoff: -10,
  initialNodeGroupBackoffSeconds: 300,
  maxNodeGroupBackoffSeconds: 1800,
  nodeGroupBackoffResetSeconds: 10800,
  verbosity: 0,
};

type Setter = (o: CaOptions, value: string | undefined) => string | undefined;

const duration =
  (key: { [K in keyof CaOptions]: CaOptions[K] extends number ? K : never }[keyof CaOptions]): Setter =>
  (o, v) => {
    const seconds = v === undefined ? undefined : parseGoDuration(v);
    if (seconds === undefined || seconds < 0) return `invalid duration "${v ?? ''}"`;
    o[key] = seconds;
    return undefined;
  };
const number =
  (
    key: { [K in keyof CaOptions]: CaOptions[K] extends number ? K : never }[keyof CaOptions],
    integer: boolean,
  ): Setter =>
  (o, v) => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      return `invalid ${integer ? 'integer' : 'number'} "${v ?? ''}"`;
    }
    o[key] = n;
    return undefined;
  };
const bool =
  (key: { [K in keyof CaOptions]: CaOptions[K] extends boolean ? K : never }[keyof CaOptions]): Setter =>
  (o, v) => {
    const b = parseGoBool(v);
    if (b === undefined) return `invalid boolean "${v ?? ''}"`;
    o[key] = b;
    return undefined;
  };
const range =
  (key: 'coresTotal' | 'memoryTotalGiB'): Setter =>
  (o, v) => {
    const m = /^(\d+):(\d+)$/.exec(v ?? '');
    if (!m) return `invalid range "${v ?? ''}" (want MIN:MAX)`;
    o[key] = { min: Number(m[1]), max: Number(m[2]) };
    return undefined;
  };

const EXPANDERS: ExpanderName[] = ['random', 'most-pods', 'least-waste', 'price', 'priority', 'least-nodes'];

const SIMULATED: Record<string, Setter> = {
  'cloud-provider': (o, v) => {
    o.cloudProvider = v ?? '';
    return undefined;
  },
  nodes: (o, v) => {
    const m = /^(\d+):(\d+):(.+)$/.exec(v ?? '');
    if (!m) return `invalid node group spec "${v ?? ''}" (want MIN:MAX:NAME)`;
    const spec = { minSize: Number(m[1]), maxSize: Number(m[2]), name: m[3] };
    if (spec.maxSize < spec.minSize) return `max size must be greater or equal to min size in "${v ?? ''}"`;
    o.nodeGroups.push(spec);
    return undefined;
  },
  'node-group-auto-discovery': (o, v) => {
    const m = /^asg:tag=(.+)$/.exec(v ?? '');
    if (!m)
      return `unsupported auto-discovery spec "${v ?? ''}" (the AWS provider wants asg:tag=KEY[=VALUE],…)`;
    const tags = m[1]
      .split(',')
      .filter((s) => s !== '')
      .map((kv) => {
        const eq = kv.indexOf('=');
        return eq < 0 ? { key: kv } : { key: kv.slice(0, eq), value: kv.slice(eq + 1) };
      });
    o.autoDiscovery.push({ tags });
    return undefined;
  },
  expander: (o, v) => {
    const names = (v ?? '').split(',').map((s) => s.trim());
    const bad = names.find((n) => !EXPANDERS.includes(n as ExpanderName));
    if (bad !== undefined) return `unknown expander "${bad}" (known: ${EXPANDERS.join(', ')})`;
    o.expanders = names as ExpanderName[];
    return undefined;
  },
  'scan-interval': duration('scanIntervalSeconds'),
  'scale-down-enabled': bool('scaleDownEnabled'),
  'scale-down-utilization-threshold': number('scaleDownUtilizationThreshold', false),
  'scale-down-gpu-utilization-threshold': number('scaleDownGpuUtilizationThreshold', false),
  'scale-down-unneeded-time': duration('scaleDownUnneededTimeSeconds'),
  'scale-down-unready-time': duration('scaleDownUnreadyTimeSeconds'),
  'scale-down-delay-after-add': duration('scaleDownDelayAfterAddSeconds'),
  'scale-down-delay-after-delete': duration('scaleDownDelayAfterDeleteSeconds'),
  'scale-down-delay-after-failure': duration('scaleDownDelayAfterFailureSeconds'),
  'scale-down-unready-enabled': bool('scaleDownUnreadyEnabled'),
  'max-node-provision-time': duration('maxNodeProvisionTimeSeconds'),
  'max-nodes-total': number('maxNodesTotal', true),
  'cores-total': range('coresTotal'),
  'memory-total': range('memoryTotalGiB'),
  'max-nodes-per-scaleup': number('maxNodesPerScaleUp', true),
  'max-scale-down-parallelism': number('maxScaleDownParallelism', true),
  'max-drain-parallelism': number('maxDrainParallelism', true),
  'max-empty-bulk-delete': number('maxScaleDownParallelism', true),
  'max-graceful-termination-sec': number('maxGracefulTerminationSeconds', true),
  'max-pod-eviction-time': duration('maxPodEvictionTimeSeconds'),
  'new-pod-scale-up-delay': duration('newPodScaleUpDelaySeconds'),
  'ok-total-unready-count': number('okTotalUnreadyCount', true),
  'max-total-unready-percentage': number('maxTotalUnreadyPercentage', false),
  'ignore-daemonsets-utilization': bool('ignoreDaemonSetsUtilization'),
  'ignore-mirror-pods-utilization': bool('ignoreMirrorPodsUtilization'),
  'skip-nodes-with-local-storage': bool('skipNodesWithLocalStorage'),
  'skip-nodes-with-system-pods': bool('skipNodesWithSystemPods'),
  'unremovable-node-recheck-timeout': duration('unremovableNodeRecheckTimeoutSeconds'),
  'scale-down-simulation-timeout': duration('scaleDownSimulationTimeoutSeconds'),
  'enforce-node-group-min-size': bool('enforceNodeGroupMinSize'),
  'balance-similar-node-groups': bool('balanceSimilarNodeGroups'),
  'expendable-pods-priority-cutoff': number('expendablePodsPriorityCutoff', true),
  'initial-node-group-backoff-duration': duration('initialNodeGroupBackoffSeconds'),
  'max-node-group-backoff-duration': duration('maxNodeGroupBackoffSeconds'),
  'node-group-backoff-reset-timeout': duration('nodeGroupBackoffResetSeconds'),
  v: number('verbosity', true),
};

/** Real cluster-autoscaler flags that do not change what the playground simulates. */
const NOT_SIMULATED = new Set([
  'stderrthreshold',
  'logtostderr',
  'alsologtostderr',
  'log-dir',
  'log-file',
  'log-file-max-size',
  'skip-headers',
  'skip-log-headers',
  'one-output',
  'vmodule',
  'log-backtrace-at',
  'kubeconfig',
  'kubernetes',
  'namespace',
  'address',
  'profiling',
  'write-status-configmap',
  'status-config-map-name',
  'leader-elect',
  'leader-elect-lease-duration',
  'leader-elect-renew-deadline',
  'leader-elect-retry-period',
  'leader-elect-resource-lock',
  'leader-elect-resource-name',
  'leader-elect-resource-namespace',
  'aws-use-static-instance-list',
  'cluster-name',
  'cloud-config',
  'balancing-ignore-label',
  'balancing-label',
  'emit-per-nodegroup-metrics',
  'gpu-total',
  'scale-down-candidates-pool-ratio',
  'scale-down-candidates-pool-min-count',
  'scale-down-non-empty-candidates-count',
  'max-inactivity',
  'max-failing-time',
  'node-deletion-delay-timeout',
  'node-deletion-batcher-interval',
  'regional',
  'estimator',
  'kube-client-qps',
  'kube-client-burst',
  'daemonset-eviction-for-empty-nodes',
  'daemonset-eviction-for-occupied-nodes',
  'record-duplicated-events',
  'feature-gates',
  'user-agent',
  'ignore-taint',
  'startup-taint',
  'status-taint',
  'cordon-node-before-terminating',
  'scale-up-from-zero',
  'min-replica-count',
  'skip-nodes-with-custom-controller-pods',
  'max-bulk-soft-taint-count',
  'max-bulk-soft-taint-time',
  'node-info-cache-expire-time',
  'expander-random-seed',
  'grpc-expander-cert',
  'grpc-expander-url',
  'debugging-snapshot-enabled',
  'node-autoprovisioning-enabled',
  'max-autoprovisioned-node-group-count',
  'nodes-per-scaleup',
  'parallel-scale-up',
  'frequent-loops-enabled',
  'max-node-startup-time',
  'max-allocatable-difference-ratio',
  'max-free-difference-ratio',
  'memory-difference-ratio',
  'enable-provisioning-requests',
  'check-capacity-batch-processing',
  'node-delete-delay-after-taint',
  'bulk-mig-instances-listing-enabled',
  'clusterapi-cloud-config-authoritative',
  'enable-proactive-scaleup',
  'pod-injection-limit',
  'async-node-groups',
  'force-ds',
  'drain-priority-config',
  'unremovable-node-recheck-timeout-jitter',
  'max-binpacking-time',
  'scale-down-unready-time-jitter',
]);

const BOOL_FLAGS = new Set([
  'scale-down-enabled',
  'scale-down-unready-enabled',
  'ignore-daemonsets-utilization',
  'ignore-mirror-pods-utilization',
  'skip-nodes-with-local-storage',
  'skip-nodes-with-system-pods',
  'enforce-node-group-min-size',
  'balance-similar-node-groups',
  'logtostderr',
  'alsologtostderr',
  'skip-headers',
  'skip-log-headers',
  'one-output',
  'profiling',
  'write-status-configmap',
  'leader-elect',
  'aws-use-static-instance-list',
  'emit-per-nodegroup-metrics',
  'regional',
  'daemonset-eviction-for-empty-nodes',
  'daemonset-eviction-for-occupied-nodes',
  'record-duplicated-events',
  'cordon-node-before-terminating',
  'scale-up-from-zero',
  'skip-nodes-with-custom-controller-pods',
  'debugging-snapshot-enabled',
  'node-autoprovisioning-enabled',
  'parallel-scale-up',
  'frequent-loops-enabled',
  'enable-provisioning-requests',
  'enable-proactive-scaleup',
  'async-node-groups',
  'force-ds',
]);

export interface ParsedCaFlags {
  options: CaOptions;
  notices: string[];
  warnings: string[];
  errors: string[];
}

/** Parse the cluster-autoscaler container's command + args. */
export function parseCaFlags(argv: readonly string[]): ParsedCaFlags {
  const known = new Set([...Object.keys(SIMULATED), ...NOT_SIMULATED]);
  const { flags, positional } = tokenizeArgs(argv, BOOL_FLAGS, known);
  const options: CaOptions = structuredClone(DEFAULT_CA_OPTIONS);
  const notices: string[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const word of positional) warnings.push(`unexpected argument "${word}" is ignored`);
  for (const f of flags) {
    const setter = SIMULATED[f.name];
    if (setter) {
      const takesValue = !BOOL_FLAGS.has(f.name);
      if (takesValue && f.value === undefined) {
        errors.push(`flag needs an argument: --${f.name}`);
        continue;
      }
      const err = setter(options, f.value);
      if (err) errors.push(`invalid argument for --${f.name}: ${err}`);
    } else if (NOT_SIMULATED.has(f.name)) {
      notices.push(`${f.raw}: accepted, not simulated`);
    } else {
      warnings.push(
        `unknown flag: --${f.name} (the real cluster-autoscaler would exit with this error; ignored here)`,
      );
    }
  }
  if (options.cloudProvider !== 'aws') {
    warnings.push(
      `--cloud-provider=${options.cloudProvider}: only the aws provider (ASGs) is simulated; treating groups as ASGs`,
    );
  }
  if (options.nodeGroups.length === 0 && options.autoDiscovery.length === 0) {
    warnings.push(
      'no node groups: give --nodes=MIN:MAX:NAME or --node-group-auto-discovery=asg:tag=…; the autoscaler will do nothing',
    );
  }
  if (options.scaleDownUtilizationThreshold < 0 || options.scaleDownUtilizationThreshold > 1) {
    errors.push(
      `--scale-down-utilization-threshold must be within [0,1], got ${options.scaleDownUtilizationThreshold}`,
    );
  }
  return { options, notices, warnings, errors };
}
