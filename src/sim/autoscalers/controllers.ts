import type { Controller } from '../core/controllers';
import { autoscalerModules } from './index';

/** Each autoscaler's control loops. */
export const autoscalerControllers: readonly Controller[] = autoscalerModules.flatMap((m) => m.controllers);
