import type { ContainerSpec, ControllerLog, Deployment, World } from '../core/types';
import { formatKlogLine } from '../autoscalers/cluster-autoscaler/messages';

/**
 * The controllers whose logs the playground keeps (world.logs), how people reach them with
 * `kubectl logs`, and how each prints a line. Cluster Autoscaler, CPA, the VPA and Karpenter store
 * their lines already rendered (klog, klog, klog, JSON or v0.27's tab form); KEDA stores zap's
 * console line after its time and level ("[logger<TAB>]message<TAB>fields", then an ERROR's
 * stacktrace on the lines below); the HPA stores bare messages.
 */
export interface LogSource {
  /** The `controller` value in world.logs. */
  controller: string;
  /** Deployment names it is installed under by its chart or manifest. */
  deployments: string[];
  /** Namespaces it is usually installed in (the first is the playground's default). */
  namespaces: string[];
  /** Does a container run this controller? */
  runs(image: string): boolean;
  format: 'asStored' | 'klog' | 'zapConsole';
  /** klog's file:line for controllers whose messages are stored bare. */
  klogSource?: string;
  /** Lines the controller's default log level does not print. */
  hidesDebug?: boolean;
}

/** `registry.k8s.io/autoscaling/cluster-autoscaler:v1.33.0` → ['registry.k8s.io', 'autoscaling', 'cluster-autoscaler']. */
function repositoryPath(image: string): string[] {
  const path = image.split('@')[0].split('/');
  path[path.length - 1] = path[path.length - 1].split(':')[0];
  return path;
}

const lastSegmentIs = (name: string) => (image: string) => repositoryPath(image).pop() === name;

export const LOG_SOURCES: readonly LogSource[] = [
  {
    controller: 'cluster-autoscaler',
    deployments: ['cluster-autoscaler', 'cluster-autoscaler-aws-cluster-autoscaler', 'aws-cluster-autoscaler'],
    namespaces: ['kube-system'],
    runs: lastSegmentIs('cluster-autoscaler'),
    format: 'asStored',
  },
  {
    controller: 'cluster-proportional-autoscaler',
    deployments: ['cluster-proportional-autoscaler'],
    namespaces: ['kube-system'],
    runs: lastSegmentIs('cluster-proportional-autoscaler'),
    format: 'asStored',
  },
  {
    controller: 'karpenter',
    deployments: ['karpenter'],
    namespaces: ['karpenter', 'kube-system'],
    runs: (image) => {
      const path = repositoryPath(image);
      return path.includes('karpenter') && (path[path.length - 1] === 'controller' || path[path.length - 1] === 'karpenter');
    },
    format: 'asStored',
    // The chart's default logLevel is info: V(1) lines (abandoned commands, expiry, removed offerings) stay out of kubectl logs.
    hidesDebug: true,
  },
  {
    controller: 'keda-operator',
    deployments: ['keda-operator'],
    namespaces: ['keda'],
    runs: lastSegmentIs('keda'),
    format: 'zapConsole',
    hidesDebug: true,
  },
  {
    controller: 'horizontal-pod-autoscaler',
    // On EKS the HPA runs inside the managed kube-controller-manager; its logs go to CloudWatch.
    deployments: ['kube-controller-manager'],
    namespaces: ['kube-system'],
    runs: lastSegmentIs('kube-controller-manager'),
    format: 'klog',
    klogSource: 'horizontal.go:878',
  },
  {
    // The VPA module stores klog lines rendered as VPA 1.4.2 prints them at its default --v=4.
    controller: 'vpa-recommender',
    deployments: ['vpa-recommender'],
    namespaces: ['kube-system'],
    runs: lastSegmentIs('vpa-recommender'),
    format: 'asStored',
  },
  {
    controller: 'vpa-updater',
    deployments: ['vpa-updater'],
    namespaces: ['kube-system'],
    runs: lastSegmentIs('vpa-updater'),
    format: 'asStored',
  },
];

export function sourceOfContainers(containers: readonly ContainerSpec[]): LogSource | undefined {
  return LOG_SOURCES.find((s) => containers.some((c) => s.runs(c.image)));
}

export function sourceOfDeployment(d: Deployment): LogSource | undefined {
  return sourceOfContainers(d.template.containers);
}

export function sourceByDeploymentName(name: string): LogSource | undefined {
  return LOG_SOURCES.find((s) => s.deployments.includes(name) || s.controller === name);
}

function rfc3339(world: World, t: number): string {
  return new Date(world.startEpochMs + Math.round(t * 1000)).toISOString().replace(/\.000Z$/, 'Z');
}

/** RFC 3339 with Go's trimmed fraction, as `kubectl logs --timestamps` prefixes each line. */
export function timestampOf(world: World, t: number): string {
  return new Date(world.startEpochMs + Math.round(t * 1000)).toISOString().replace(/\.?0+Z$/, 'Z');
}

const KLOG_SEVERITY: Record<ControllerLog['level'], 'I' | 'W' | 'E'> = { DEBUG: 'I', INFO: 'I', WARN: 'W', ERROR: 'E' };

/** One stored line as the controller's process prints it. */
export function renderLogLine(world: World, source: LogSource, line: ControllerLog): string {
  switch (source.format) {
    case 'asStored':
      return line.message;
    case 'zapConsole':
      // zapcore.RFC3339TimeEncoder formats time.RFC3339: whole seconds, the fraction dropped.
      return `${rfc3339(world, Math.floor(line.t))}\t${line.level}\t${line.message}`;
    case 'klog':
      return formatKlogLine({ v: 0, severity: KLOG_SEVERITY[line.level], source: source.klogSource ?? 'main.go:1', message: line.message }, line.t, world.startEpochMs);
  }
}
