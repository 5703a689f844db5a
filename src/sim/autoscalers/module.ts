import type { Controller } from '../core/controllers';
import type { ResourceKind } from '../resources/registry';
import type { TraceContributor } from './trace';
import type { Pod, World } from '../core/types';
import type { Message } from '../core/message';

export interface Explanation {
  /** e.g. "HorizontalPodAutoscaler/php-apache" */
  object: string;
  /** Statechart state name at the decision. */
  state: string;
  /** Sim seconds of the decision. */
  at: number;
  /** One translated line each (src/ui/i18n/locales/<lang>/engine.json). */
  lines: Message[];
  /** The heading when it says more than `object` (the CA's last scale-up), in the reader's language. */
  heading?: Message;
}

/**
 * What an autoscaler plugs into the engine: its control loops (on their real periods), the API
 * kinds it understands (for kubectl apply/get/describe/delete and scenario manifests), and its
 * entries in trace samples. Each autoscaler folder's index.ts exports one of these.
 */
export interface AutoscalerModule {
  name: string;
  controllers: Controller[];
  kinds: ResourceKind[];
  trace?: TraceContributor;
  /** The latest decision of each of its objects, explained with its numbers (the "why" panel). */
  explain?: (world: World) => Explanation[];
  /** A mutating admission webhook: may change a new pod's containers before it is scheduled. */
  admitPod?: (world: World, pod: Pod) => void;
}
