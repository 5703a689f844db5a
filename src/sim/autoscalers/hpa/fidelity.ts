import type { FidelityAdapter } from '../../../fidelity/types';
import { metricsClientFromVectorPods, podsFromVectorGrouping, podsFromVectorStates, VECTOR_NOW, type VectorPod } from './fidelityPods';
import { combineMetricProposals } from './metricProposals';
import {
  calculateScaleDownLimit,
  calculateScaleUpLimit,
  convertDesiredReplicasLegacy,
  convertDesiredReplicasWithBehaviorRate,
  stabilizeLegacy,
  stabilizeWithBehavior,
  type ScaleEvent,
} from './normalize';
import { classifyPod } from './podGrouping';
import { initialHpaControllerState, reconcileHpa } from './reconcile';
import { plainMetricReplicas, resourceUtilizationReplicas } from './replicaCalculator';
import { averageValueMetricReplicas, valueMetricReplicas } from './valueMetricCalculator';
import type { HPAScalingRules, HorizontalPodAutoscaler, MetricSpec } from './types';
import { DEFAULT_HPA_CONTROLLER_CONFIG } from './types';

/*
 * Vector inputs speak in "seconds ago"; the logic speaks in absolute sim seconds. Every handler
 * places "now" at VECTOR_NOW and calls the same functions the engine calls.
 */

interface Tol {
  scaleDown: number;
  scaleUp: number;
}
interface AgoRecommendation {
  replicas: number;
  secondsAgo: number;
}
interface AgoEvent {
  replicaChange: number;
  secondsAgo: number;
}

const atAgo = (r: AgoRecommendation) => ({ replicas: r.replicas, timestampSeconds: VECTOR_NOW - r.secondsAgo });
const eventAgo = (e: AgoEvent): ScaleEvent => ({ replicaChange: e.replicaChange, timestampSeconds: VECTOR_NOW - e.secondsAgo, outdated: false });

function perPodBase(input: { currentReplicas: number; tolerance: Tol; pods: VectorPod[]; metricType: string }) {
  return {
    currentReplicas: input.currentReplicas,
    pods: podsFromVectorStates(input.pods),
    tolerances: input.tolerance,
    nowSeconds: VECTOR_NOW,
    cpuInitializationPeriodSeconds: DEFAULT_HPA_CONTROLLER_CONFIG.cpuInitializationPeriodSeconds,
    initialReadinessDelaySeconds: DEFAULT_HPA_CONTROLLER_CONFIG.initialReadinessDelaySeconds,
    metricLabel: input.metricType,
  };
}

function valueHandler(input: { currentReplicas: number; metricValueMilli: number; targetValueMilli: number; readyRunningPods: number; tolerance: Tol; metricType: string }) {
  const calc = valueMetricReplicas({
    currentReplicas: input.currentReplicas,
    valueMilli: input.metricValueMilli,
    targetValueMilli: input.targetValueMilli,
    readyRunningPods: input.readyRunningPods,
    tolerances: input.tolerance,
    metricLabel: input.metricType,
  });
  return { desiredReplicas: calc.replicas };
}

function averageValueHandler(input: { statusReplicas: number; metricTotalMilli: number; targetAverageValueMilli: number; tolerance: Tol; metricType: string }) {
  const calc = averageValueMetricReplicas({
    statusReplicas: input.statusReplicas,
    totalMilli: input.metricTotalMilli,
    targetAverageMilli: input.targetAverageValueMilli,
    tolerances: input.tolerance,
    metricLabel: input.metricType,
  });
  return { desiredReplicas: calc.replicas, reportedAverageMilli: calc.averageMilli };
}

function hpaObject(spec: HorizontalPodAutoscaler['spec']): HorizontalPodAutoscaler {
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'vector', namespace: 'default' }, spec };
}

export const hpaFidelity: FidelityAdapter = {
  component: 'HPA',
  shapes: {
    'HPA:Resource(cpu) Utilization:currentReplicas,metricType,pods,targetAverageUtilizationPercent,tolerance': (input: {
      currentReplicas: number;
      metricType: string;
      pods: VectorPod[];
      targetAverageUtilizationPercent: number;
      tolerance: Tol;
    }) => {
      const resource = /Resource\((\w+)\)/.exec(input.metricType)?.[1] ?? 'cpu';
      const calc = resourceUtilizationReplicas({ ...perPodBase(input), resource, targetUtilization: input.targetAverageUtilizationPercent });
      if (!calc.ok) return { error: calc.error };
      return { desiredReplicas: calc.replicas, utilizationPercent: calc.utilizationPercent, rawAverageUsageMilliCPU: calc.averageMilli };
    },

    'HPA:Pods (custom per-pod metric, AverageValue):currentReplicas,metricType,pods,targetAverageValueMilli,tolerance': (input: {
      currentReplicas: number;
      metricType: string;
      pods: VectorPod[];
      targetAverageValueMilli: number;
      tolerance: Tol;
    }) => {
      const calc = plainMetricReplicas({ ...perPodBase(input), targetAverageMilli: input.targetAverageValueMilli });
      if (!calc.ok) return { error: calc.error };
      return { desiredReplicas: calc.replicas, averageUsageMilli: calc.averageMilli };
    },

    'HPA:External Value:currentReplicas,metricType,metricValueMilli,readyRunningPods,targetValueMilli,tolerance': valueHandler,
    'HPA:Object Value:currentReplicas,metricType,metricValueMilli,readyRunningPods,targetValueMilli,tolerance': valueHandler,
    'HPA:External AverageValue:metricTotalMilli,metricType,statusReplicas,targetAverageValueMilli,tolerance': averageValueHandler,
    'HPA:Object AverageValue:metricTotalMilli,metricType,statusReplicas,targetAverageValueMilli,tolerance': averageValueHandler,

    // A full sync: Object metric from zero replicas through the legacy normalization.
    'HPA:Object Value:currentReplicas,maxReplicas,metricType,metricValueMilli,minReplicas,targetValueMilli': (input: {
      currentReplicas: number;
      minReplicas: number;
      maxReplicas: number;
      metricValueMilli: number;
      targetValueMilli: number;
    }) => {
      const metric: MetricSpec = {
        type: 'Object',
        object: {
          describedObject: { apiVersion: 'v1', kind: 'Service', name: 'vector' },
          metric: { name: 'vector-metric' },
          target: { type: 'Value', value: `${input.targetValueMilli}m` },
        },
      };
      const out = reconcileHpa({
        hpa: hpaObject({ scaleTargetRef: { kind: 'Deployment', name: 'vector' }, minReplicas: input.minReplicas, maxReplicas: input.maxReplicas, metrics: [metric] }),
        state: initialHpaControllerState(),
        nowSeconds: VECTOR_NOW,
        scale: { specReplicas: input.currentReplicas, statusReplicas: input.currentReplicas, selector: 'app=vector' },
        metrics: { ...metricsClientFromVectorPods([]), objectMetric: () => ({ valueMilli: input.metricValueMilli }) },
      });
      return { desiredReplicas: out.desiredReplicas, rescale: out.rescale };
    },

    'HPA:currentReplicas,desiredReplicas,maxReplicas,minReplicas,scaleDown,scaleDownEvents,scaleUp,scaleUpEvents': (input: {
      currentReplicas: number;
      desiredReplicas: number;
      minReplicas: number;
      maxReplicas: number;
      scaleUp: HPAScalingRules;
      scaleDown: HPAScalingRules;
      scaleUpEvents: AgoEvent[];
      scaleDownEvents: AgoEvent[];
    }) => {
      const result = convertDesiredReplicasWithBehaviorRate({
        currentReplicas: input.currentReplicas,
        desiredReplicas: input.desiredReplicas,
        minReplicas: input.minReplicas,
        maxReplicas: input.maxReplicas,
        behavior: { scaleUp: input.scaleUp, scaleDown: input.scaleDown },
        scaleUpEvents: input.scaleUpEvents.map(eventAgo),
        scaleDownEvents: input.scaleDownEvents.map(eventAgo),
        nowSeconds: VECTOR_NOW,
      });
      return { replicas: result.replicas, condition: result.reason };
    },

    'HPA:currentReplicas,desiredReplicas,maxReplicas,minReplicas': (input: { currentReplicas: number; desiredReplicas: number; minReplicas: number; maxReplicas: number }) => {
      const result = convertDesiredReplicasLegacy(input.currentReplicas, input.desiredReplicas, input.minReplicas, input.maxReplicas);
      return { replicas: result.replicas, condition: result.reason };
    },

    'HPA:currentReplicas,desiredReplicas,recommendations,scaleDownStabilizationWindowSeconds,scaleUpStabilizationWindowSeconds': (input: {
      currentReplicas: number;
      desiredReplicas: number;
      recommendations: AgoRecommendation[];
      scaleUpStabilizationWindowSeconds: number;
      scaleDownStabilizationWindowSeconds: number;
    }) => {
      const result = stabilizeWithBehavior(input.recommendations.map(atAgo), {
        currentReplicas: input.currentReplicas,
        desiredReplicas: input.desiredReplicas,
        nowSeconds: VECTOR_NOW,
        scaleUpWindowSeconds: input.scaleUpStabilizationWindowSeconds,
        scaleDownWindowSeconds: input.scaleDownStabilizationWindowSeconds,
      });
      return { stabilizedReplicas: result.stabilized };
    },

    'HPA:downscaleStabilizationWindowSeconds,newRecommendation,recommendations': (input: {
      downscaleStabilizationWindowSeconds: number;
      newRecommendation: number;
      recommendations: AgoRecommendation[];
    }) => {
      const result = stabilizeLegacy(input.recommendations.map(atAgo), input.newRecommendation, VECTOR_NOW, input.downscaleStabilizationWindowSeconds);
      return { stabilizedReplicas: result.stabilized };
    },

    'HPA:currentReplicas,direction,noPriorEvents,rules': (input: { currentReplicas: number; direction: 'up' | 'down'; rules: HPAScalingRules }) => {
      const args = { currentReplicas: input.currentReplicas, scaleUpEvents: [], scaleDownEvents: [], rules: input.rules, nowSeconds: VECTOR_NOW };
      return { limit: input.direction === 'up' ? calculateScaleUpLimit(args) : calculateScaleDownLimit(args) };
    },

    // Combining proposals, then the (fresh, legacy) normalization the sync would apply.
    'HPA:maxReplicas,metricProposals,minReplicas,specReplicas': (input: { specReplicas: number; minReplicas: number; maxReplicas: number; metricProposals: (number | null)[] }) => {
      const combined = combineMetricProposals(input.specReplicas, input.metricProposals);
      if (combined.replicas === -1) return { desiredReplicas: input.specReplicas, rescale: false };
      const limited = convertDesiredReplicasLegacy(input.specReplicas, combined.replicas, input.minReplicas, input.maxReplicas);
      return { desiredReplicas: limited.replicas, rescale: limited.replicas !== input.specReplicas };
    },

    'HPA:pods,resource': (input: { resource: string; pods: Parameters<typeof podsFromVectorGrouping>[0] }) => {
      const pods = podsFromVectorGrouping(input.pods);
      const options = {
        cpuReadinessChecks: input.resource === 'cpu',
        nowSeconds: VECTOR_NOW,
        cpuInitializationPeriodSeconds: DEFAULT_HPA_CONTROLLER_CONFIG.cpuInitializationPeriodSeconds,
        initialReadinessDelaySeconds: DEFAULT_HPA_CONTROLLER_CONFIG.initialReadinessDelaySeconds,
      };
      const groups = { ready: [] as string[], unready: [] as string[], missing: [] as string[], ignored: [] as string[] };
      for (const pod of pods) groups[classifyPod(pod, options)].push(pod.name);
      return { readyPodCount: groups.ready.length, ...groups };
    },

    // The guards of reconcileAutoscaler, through a full sync.
    'HPA:cases': (input: { cases: { specReplicas: number; minReplicas?: number; maxReplicas: number }[] }) => {
      const outputs = input.cases.map((c) =>
        reconcileHpa({
          hpa: hpaObject({ scaleTargetRef: { kind: 'Deployment', name: 'vector' }, minReplicas: c.minReplicas, maxReplicas: c.maxReplicas }),
          state: initialHpaControllerState(),
          nowSeconds: VECTOR_NOW,
          scale: { specReplicas: c.specReplicas, statusReplicas: c.specReplicas, selector: 'app=vector' },
          metrics: metricsClientFromVectorPods([]),
        }),
      );
      return { desiredReplicas: outputs.map((o) => o.desiredReplicas), rescale: outputs.map((o) => o.rescale) };
    },

    'HPA:cpuInitializationPeriodSeconds,delayOfInitialReadinessStatusSeconds,metricTimestampSecondsAgo,metricWindowSeconds,readyCondition,readyTransitionSecondsAgo,resource,startedSecondsAgo': (input: {
      startedSecondsAgo: number;
      readyCondition: 'True' | 'False' | null;
      readyTransitionSecondsAgo: number;
      metricTimestampSecondsAgo: number | null;
      metricWindowSeconds: number | null;
      cpuInitializationPeriodSeconds: number;
      delayOfInitialReadinessStatusSeconds: number;
      resource: string;
    }) => {
      const [pod] = podsFromVectorGrouping([
        {
          name: 'pod',
          phase: 'Running',
          startedSecondsAgo: input.startedSecondsAgo,
          readyCondition: input.readyCondition,
          readyTransitionSecondsAgo: input.readyTransitionSecondsAgo,
          hasMetric: true,
          metricTimestampSecondsAgo: input.metricTimestampSecondsAgo,
          metricWindowSeconds: input.metricWindowSeconds,
        },
      ]);
      const classification = classifyPod(pod, {
        cpuReadinessChecks: input.resource === 'cpu',
        nowSeconds: VECTOR_NOW,
        cpuInitializationPeriodSeconds: input.cpuInitializationPeriodSeconds,
        initialReadinessDelaySeconds: input.delayOfInitialReadinessStatusSeconds,
      });
      return { classification };
    },
  },
};
