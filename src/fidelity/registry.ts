import type { FidelityAdapter } from './types';
import { schedulerFidelity } from '../sim/cluster/fidelity';
import { lifecycleFidelity } from '../sim/lifecycle/fidelity';
import { hpaFidelity } from '../sim/autoscalers/hpa/fidelity';
import { vpaFidelity } from '../sim/autoscalers/vpa/fidelity';
import { kedaFidelity } from '../sim/autoscalers/keda/fidelity';
import { clusterAutoscalerFidelity } from '../sim/autoscalers/cluster-autoscaler/fidelity';
import { cpaFidelity } from '../sim/autoscalers/cpa/fidelity';
import { karpenterFidelity } from '../sim/autoscalers/karpenter/fidelity';

/** Components that are not built yet export `undefined`; their vectors are reported as SKIP. */
const all: (FidelityAdapter | undefined)[] = [
  schedulerFidelity,
  lifecycleFidelity,
  hpaFidelity,
  vpaFidelity,
  kedaFidelity,
  clusterAutoscalerFidelity,
  cpaFidelity,
  karpenterFidelity,
];

export const fidelityAdapters = new Map(
  all.filter((a): a is FidelityAdapter => a !== undefined).map((a) => [a.component, a]),
);
