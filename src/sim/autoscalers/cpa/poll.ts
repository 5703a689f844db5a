import { clusterStatus, expectedReplicas, type ClusterStatus, type CpaDecision, type CpaNode } from './logic';
import { parseCpaConfigMapData, type CpaParams } from './params';
import type { CpaOptions } from './flags';

/** One klog line of the CPA, at verbosity `v` (shown when --v ≥ v). */
export interface CpaLogLine {
  v: number;
  severity: 'I' | 'E';
  source: string;
  message: string;
}

export interface CpaPollInput {
  nodes: readonly CpaNode[];
  /** The ConfigMap's data, or undefined when it does not exist. */
  configMapData: Record<string, string> | undefined;
  /** metadata.resourceVersion of the ConfigMap; params are rebuilt only when it changes. */
  configMapVersion: string;
  options: CpaOptions;
  /** Current spec.replicas of each target, keyed by target name. */
  currentReplicas: Record<string, number>;
  /** What the previous poll parsed (cached across polls like the controller does). */
  previous?: { version: string; params: CpaParams };
}

export interface CpaPollResult {
  status: ClusterStatus;
  /** Parsed params now in force, to pass back as `previous` next time. */
  params?: { version: string; params: CpaParams };
  decision?: CpaDecision;
  error?: string;
  /** ConfigMap data to create from --default-params (the ConfigMap was missing). */
  createConfigMap?: Record<string, string>;
  /** Targets whose replicas must change. */
  scale: { target: string; from: number; to: number }[];
  logs: CpaLogLine[];
}

/** pollAPIServer(): count nodes, sync params, compute, update each target that differs. */
export function cpaPoll(input: CpaPollInput): CpaPollResult {
  const logs: CpaLogLine[] = [];
  const status = clusterStatus(input.nodes, input.options.nodeLabels);
  const pad = (n: number, w: number): string => String(n).padStart(w, ' ');
  logs.push(
    {
      v: 4,
      severity: 'I',
      source: 'autoscaler_server.go:123',
      message: `Total nodes ${pad(status.totalNodes, 5)}, schedulable nodes: ${pad(status.schedulableNodes, 5)}`,
    },
    {
      v: 4,
      severity: 'I',
      source: 'autoscaler_server.go:124',
      message: `Total cores ${pad(status.totalCores, 5)}, schedulable cores: ${pad(status.schedulableCores, 5)}`,
    },
  );
  let data = input.configMapData;
  let createConfigMap: Record<string, string> | undefined;
  if (data === undefined) {
    if (!input.options.defaultParams) {
      const error = `configmaps "${input.options.configMap}" not found`;
      logs.push({
        v: 0,
        severity: 'E',
        source: 'autoscaler_server.go:129',
        message: `Error syncing configMap with apiserver: ${error}`,
      });
      return { status, error, scale: [], logs };
    }
    logs.push({
      v: 0,
      severity: 'I',
      source: 'autoscaler_server.go:169',
      message: `ConfigMap not found: configmaps "${input.options.configMap}" not found, will create one with default params`,
    });
    data = input.options.defaultParams;
    createConfigMap = data;
  }
  let params = input.previous;
  if (!params || params.version !== input.configMapVersion || createConfigMap) {
    const parsed = parseCpaConfigMapData(data);
    if (!parsed.ok) {
      logs.push({
        v: 0,
        severity: 'E',
        source: 'autoscaler_server.go:138',
        message: `Error ensuring controller: ${parsed.error}`,
      });
      return { status, error: parsed.error, createConfigMap, scale: [], logs };
    }
    const mode = parsed.params.mode;
    // The two controllers word the rebuild differently (ladder_controller.go:73, linear_controller.go:60 in v1.9.0).
    const ladder = mode === 'ladder';
    const old = input.previous?.version ?? '';
    logs.push({
      v: 0,
      severity: 'I',
      source: ladder ? 'ladder_controller.go:73' : 'linear_controller.go:60',
      message: ladder
        ? `Detected ConfigMap version change (old: ${old} new: ${input.configMapVersion}) - rebuilding lookup entries`
        : `ConfigMap version change (old: ${old} new: ${input.configMapVersion}) - rebuilding params`,
    });
    logs.push({
      v: 2,
      severity: 'I',
      source: ladder ? 'ladder_controller.go:74' : 'linear_controller.go:61',
      message: `Params from apiserver: \n${data[mode]}`,
    });
    for (const notice of parsed.notices)
      logs.push({ v: 2, severity: 'I', source: `${mode}_controller.go:80`, message: notice });
    params = { version: input.configMapVersion, params: parsed.params };
  }
  const decision = expectedReplicas(params.params, status);
  logs.push({
    v: 4,
    severity: 'I',
    source: 'autoscaler_server.go:149',
    message: `Expected replica count: ${pad(decision.replicas, 3)}`,
  });
  const scale: CpaPollResult['scale'] = [];
  for (const target of input.options.targets) {
    const from = input.currentReplicas[target.name] ?? 0;
    if (from === decision.replicas) continue;
    scale.push({ target: target.name, from, to: decision.replicas });
    // k8sclient.go updateReplicasAppsV1. v1.9.0 (the examples' image) scales one target; several
    // targets arrived in v1.9.1, whose line names each one.
    const many = input.options.targets.length > 1;
    logs.push({
      v: 0,
      severity: 'I',
      source: many ? 'k8sclient.go:301' : 'k8sclient.go:264',
      message: `Cluster status: SchedulableNodes[${status.schedulableNodes}], TotalNodes[${status.totalNodes}], SchedulableCores[${status.schedulableCores}], TotalCores[${status.totalCores}]`,
    });
    logs.push({
      v: 0,
      severity: 'I',
      source: many ? 'k8sclient.go:307' : 'k8sclient.go:265',
      message: many
        ? `Replicas are not as expected : updating ${target.kind.toLowerCase()}/${target.name} from ${from} to ${decision.replicas}`
        : `Replicas are not as expected : updating replicas from ${from} to ${decision.replicas}`,
    });
  }
  return { status, params, decision, createConfigMap, scale, logs };
}
