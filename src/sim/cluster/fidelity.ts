import type { FidelityAdapter } from '../../fidelity/types';
import { effectiveRequest, fitReasons, type ResourceMap } from './fit';

interface FitInput {
  nodeAllocatable: ResourceMap;
  nodeRequested: ResourceMap;
  podsOnNode: number;
  containers: ResourceMap[];
  initContainers?: ResourceMap[];
  overhead?: ResourceMap | null;
}

function answerFit(input: FitInput) {
  const request = effectiveRequest(input.containers, input.initContainers ?? [], input.overhead ?? null);
  const reasons = fitReasons(request, input.nodeAllocatable, input.nodeRequested, input.podsOnNode);
  return { fits: reasons.length === 0, reasons, effectiveRequest: request };
}

export const schedulerFidelity: FidelityAdapter = {
  component: 'Scheduler',
  shapes: {
    'Scheduler:containers,initContainers,nodeAllocatable,nodeRequested,overhead,podsOnNode': answerFit,
    'Scheduler:containers,nodeAllocatable,nodeRequested,podsOnNode': answerFit,
    'Scheduler:candidatePods,daemonSetPods,nodeAllocatable': (input: {
      nodeAllocatable: ResourceMap;
      daemonSetPods: ResourceMap[];
      candidatePods: ResourceMap[];
    }) => {
      // DaemonSet pods are ordinary pods already bound to the node.
      const requested = effectiveRequest(input.daemonSetPods);
      const podsOnNode = input.daemonSetPods.length;
      return {
        fits: input.candidatePods.map(
          (p) => fitReasons(effectiveRequest([p]), input.nodeAllocatable, requested, podsOnNode).length === 0,
        ),
      };
    },
  },
};
