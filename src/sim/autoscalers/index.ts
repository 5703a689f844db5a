import type { AutoscalerModule } from './module';
import { hpaModule } from './hpa/hpaModule';
import { karpenterModule } from './karpenter/controller';

/** Every autoscaler wired into the engine, in the order their loops run when due at the same time. */
export const autoscalerModules: readonly AutoscalerModule[] = [hpaModule, karpenterModule];
