import type { FidelityAdapter } from '../../../fidelity/types';
import { clusterStatus, expectedReplicas, ladderLookup, type ClusterStatus } from './logic';
import { parseLadderParams, parseLinearParams, type LadderEntry } from './params';

interface StatusInput {
  params: Record<string, unknown>;
  schedulableNodes: number;
  schedulableCores: number;
  totalNodes: number;
  totalCores: number;
}

/** Answers every CPA vector shape with the controller's own parse + compute functions. */
export const cpaFidelity: FidelityAdapter = {
  component: 'CPA',
  shapes: {
    'CPA:params,schedulableCores,schedulableNodes,totalCores,totalNodes': (input: StatusInput) => {
      const isLadder = 'coresToReplicas' in input.params || 'nodesToReplicas' in input.params;
      const parsed = isLadder ? parseLadderParams(input.params) : parseLinearParams(input.params);
      if (!parsed.ok) return { error: parsed.error };
      const status: ClusterStatus = {
        totalNodes: input.totalNodes,
        totalCores: input.totalCores,
        schedulableNodes: input.schedulableNodes,
        schedulableCores: input.schedulableCores,
      };
      const decision = expectedReplicas(parsed.params, status);
      return { replicas: decision.replicas, explanation: decision.explanation };
    },
    'CPA:entries,value': (input: { entries: LadderEntry[]; value: number }) => {
      // Entries go through the same parse (and sort) the controller applies to a ConfigMap.
      const parsed = parseLadderParams({ nodesToReplicas: input.entries });
      if (!parsed.ok) return { error: parsed.error };
      return { replicas: ladderLookup(parsed.params.nodesToReplicas, input.value).replicas };
    },
    'CPA:cases': (input: { cases: { json: Record<string, unknown> }[] }) => ({
      results: input.cases.map((c) => {
        const r = parseLinearParams(JSON.stringify(c.json));
        return r.ok ? { ok: true, min: r.params.min, max: r.params.max } : { ok: false, error: r.error };
      }),
    }),
    'CPA:nodes': (input: {
      nodes: { allocatableMilliCPU: number; ready: boolean; unschedulable: boolean }[];
    }) => {
      const s = clusterStatus(
        input.nodes.map((n) => ({
          allocatableCpuMillis: n.allocatableMilliCPU,
          ready: n.ready,
          unschedulable: n.unschedulable,
        })),
      );
      return { ...s };
    },
  },
};
