import type { Controller } from '../core/controllers';

/** Each autoscaler's control loop, registered as it is built. */
export const autoscalerControllers: readonly Controller[] = [];
