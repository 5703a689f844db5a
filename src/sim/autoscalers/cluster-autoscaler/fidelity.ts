import type { FidelityAdapter } from '../../../fidelity/types';
import { deleteNodes, increaseSize, type AutoScalingGroup } from '../../cloud/asg';
import { binpackingEstimate } from './binpacking';
import { checkScaleDownEligibility, shouldDeleteUnneededNode } from './eligibility';
import { chooseExpansionOption, type ExpansionOption } from './expander';
import { DEFAULT_CA_OPTIONS } from './flags';
import { planScaleDown } from './scaleDown';
import { effectivePodRequests, type ContainerRequests } from './podRequests';
import { nodeUtilization, type UtilizationPod } from './utilization';
import type { CaNode, Resources } from './types';

const MIB = 1024 * 1024;

interface VectorPod {
  milliCPU?: number;
  memoryBytes?: number;
  daemonSet?: boolean;
  mirror?: boolean;
  containers?: { milliCPU?: number; memoryBytes?: number }[];
  initContainers?: { milliCPU?: number; memoryBytes?: number; restartPolicy?: string }[];
}

const res = (c: { milliCPU?: number; memoryBytes?: number }): Resources => ({
  cpuMillis: c.milliCPU ?? 0,
  memoryMiB: (c.memoryBytes ?? 0) / MIB,
});

/** Vector pods carry either flat requests or containers; both become effective requests in MiB. */
function toPod(p: VectorPod): UtilizationPod {
  const requests = p.containers
    ? effectivePodRequests(
        p.containers.map(res),
        (p.initContainers ?? []).map((c): ContainerRequests => ({
          ...res(c),
          restartPolicy: c.restartPolicy === 'Always' ? 'Always' : undefined,
        })),
      )
    : res(p);
  return { requests, isDaemonSet: p.daemonSet, isMirror: p.mirror };
}

const alloc = (a: { milliCPU: number; memoryBytes: number }): Resources => ({
  cpuMillis: a.milliCPU,
  memoryMiB: a.memoryBytes / MIB,
});

function utilizationShape(input: {
  nodeAllocatable: { milliCPU: number; memoryBytes: number };
  pods: VectorPod[];
  ignoreDaemonSetsUtilization?: boolean;
  ignoreMirrorPodsUtilization?: boolean;
}): Record<string, unknown> {
  const u = nodeUtilization(alloc(input.nodeAllocatable), input.pods.map(toPod), {
    ignoreDaemonSetsUtilization: input.ignoreDaemonSetsUtilization ?? false,
    ignoreMirrorPodsUtilization: input.ignoreMirrorPodsUtilization ?? false,
  });
  return { utilization: u.utilization, cpuUtil: u.cpuUtil, memUtil: u.memUtil, resourceName: u.resourceName };
}

const asgOf = (a: { min: number; max: number; desired: number }): AutoScalingGroup => ({
  name: 'asg',
  minSize: a.min,
  maxSize: a.max,
  desiredCapacity: a.desired,
  instanceTypes: [],
  tags: {},
});

/** Answers every ClusterAutoscaler vector shape through the CA's own logic functions. */
export const clusterAutoscalerFidelity: FidelityAdapter = {
  component: 'ClusterAutoscaler',
  shapes: {
    'ClusterAutoscaler:options': (input: {
      options: {
        nodeGroup: string;
        nodeCount: number;
        nodeCapacityMilliCPU: number;
        nodeCapacityMemoryBytes: number;
        pods: VectorPod[];
      }[];
    }) => {
      const options: ExpansionOption[] = input.options.map((o) => ({
        nodeGroup: o.nodeGroup,
        nodeCount: o.nodeCount,
        nodeCapacity: { cpuMillis: o.nodeCapacityMilliCPU, memoryMiB: o.nodeCapacityMemoryBytes / MIB },
        pods: o.pods.map((p, i) => ({ name: `pod-${i}`, requests: toPod(p).requests })),
      }));
      // A tie would fall to the seeded random fallback; the vectors have none.
      const d = chooseExpansionOption(options, ['least-waste'], { rng: () => 0 });
      return { chosen: d.chosen?.nodeGroup, scores: d.wasteScores };
    },
    'ClusterAutoscaler:ignoreDaemonSetsUtilization,ignoreMirrorPodsUtilization,nodeAllocatable,pods':
      utilizationShape,
    'ClusterAutoscaler:nodeAllocatable,pods': utilizationShape,
    'ClusterAutoscaler:ignoreDaemonSetsUtilization,nodeAllocatable,nodeReady,pods,scaleDownDisabledAnnotation,scaleDownUnreadyEnabled,utilizationThreshold':
      (input: {
        nodeAllocatable: { milliCPU: number; memoryBytes: number };
        pods: VectorPod[];
        ignoreDaemonSetsUtilization: boolean;
        nodeReady: boolean;
        scaleDownDisabledAnnotation: boolean;
        scaleDownUnreadyEnabled: boolean;
        utilizationThreshold: number;
      }) => {
        const e = checkScaleDownEligibility(
          {
            allocatable: alloc(input.nodeAllocatable),
            pods: input.pods.map(toPod),
            ready: input.nodeReady,
            annotations: input.scaleDownDisabledAnnotation
              ? { 'cluster-autoscaler.kubernetes.io/scale-down-disabled': 'true' }
              : {},
          },
          {
            scaleDownUtilizationThreshold: input.utilizationThreshold,
            scaleDownUnreadyEnabled: input.scaleDownUnreadyEnabled,
            ignoreDaemonSetsUtilization: input.ignoreDaemonSetsUtilization,
            ignoreMirrorPodsUtilization: false,
          },
        );
        return { unneededCandidate: e.candidate, reason: e.reason, utilization: e.utilization?.utilization };
      },
    'ClusterAutoscaler:maxNodes,pod,podCount,templateNode': (input: {
      templateNode: { allocatableMilliCPU: number; allocatableMemoryMiB: number; allocatablePods: number };
      pod: VectorPod;
      podCount: number;
      maxNodes: number;
    }) => {
      const t = input.templateNode;
      const node = {
        cpuMillis: t.allocatableMilliCPU,
        memoryMiB: t.allocatableMemoryMiB,
        pods: t.allocatablePods,
      };
      const requests = toPod(input.pod).requests;
      const pods = Array.from({ length: input.podCount }, (_, i) => ({ name: `pod-${i}`, requests }));
      const r = binpackingEstimate(pods, { allocatable: node, capacity: node }, [], input.maxNodes);
      return { nodes: r.nodeCount, scheduledPods: r.scheduledPods.length };
    },
    'ClusterAutoscaler:asg,delta': (input: {
      asg: { min: number; max: number; desired: number };
      delta: number;
    }) => {
      const r = increaseSize(asgOf(input.asg), input.delta);
      return { error: r.error?.code ?? null, message: r.error?.message, desiredAfter: r.asg.desiredCapacity };
    },
    'ClusterAutoscaler:asg,deleteNodes': (input: {
      asg: { min: number; max: number; desired: number };
      deleteNodes: number;
    }) => {
      const r = deleteNodes(asgOf(input.asg), input.deleteNodes);
      return { error: r.error?.code ?? null, message: r.error?.message, desiredAfter: r.asg.desiredCapacity };
    },
    'ClusterAutoscaler:nodeReady,secondsSinceLastScaleUp,unneededForSeconds': (input: {
      unneededForSeconds: number[];
      secondsSinceLastScaleUp: number;
      nodeReady: boolean;
    }) => ({
      deleted: input.unneededForSeconds.map((s) =>
        shouldDeleteUnneededNode(
          {
            unneededForSeconds: s,
            ready: input.nodeReady,
            secondsSinceLastScaleUp: input.secondsSinceLastScaleUp,
          },
          DEFAULT_CA_OPTIONS,
        ),
      ),
    }),
    // planner_test.go TestUpdateClusterStatUnneededNodesLimit: every node empty and eligible, so the
    // loop stops only at unneededNodesLimit(); the planner's own code path answers.
    'ClusterAutoscaler:maxParallelism,maxUnneededTimeSeconds,nodes,previouslyUnneeded,updateIntervalSeconds': (input: {
      nodes: number;
      previouslyUnneeded: number;
      maxParallelism: number;
      maxUnneededTimeSeconds: number;
      updateIntervalSeconds: number;
    }) => {
      const allocatable = { cpuMillis: 1000, memoryMiB: 10, pods: 110 };
      const nodes: CaNode[] = Array.from({ length: input.nodes }, (_, i) => ({
        name: `n${i}`,
        group: 'ng1',
        allocatable,
        capacity: allocatable,
        ready: true,
        unschedulable: false,
        createdAtSeconds: 0,
      }));
      const since: Record<string, number> = {};
      for (let i = 0; i < input.previouslyUnneeded; i++) since[`n${i}`] = 0;
      const r = planScaleDown({
        nowSeconds: 1000,
        nodes,
        pods: [],
        groups: [{ name: 'ng1', minSize: 0, targetSize: input.nodes }],
        options: {
          ...DEFAULT_CA_OPTIONS,
          maxScaleDownParallelism: input.maxParallelism,
          scaleDownUnneededTimeSeconds: input.maxUnneededTimeSeconds,
          scaleDownSimulationTimeoutSeconds: 3600,
        },
        unneededSince: since,
        minUpdateIntervalSeconds: input.updateIntervalSeconds,
      });
      return { unneeded: Object.keys(r.unneededSince).length };
    },
  },
};
