import type { AutoscalerModule } from './module';
import { clusterAutoscalerModule } from './cluster-autoscaler/module';
import { cpaModule } from './cpa/module';
import { hpaModule } from './hpa/hpaModule';
import { kedaModule } from './keda/kedaModule';
import { karpenterModule } from './karpenter/controller';
import { vpaModule } from './vpa';

/** Every autoscaler wired into the engine, in the order their loops run when due at the same time. */
export const autoscalerModules: readonly AutoscalerModule[] = [hpaModule, kedaModule, karpenterModule, clusterAutoscalerModule, cpaModule, vpaModule];
