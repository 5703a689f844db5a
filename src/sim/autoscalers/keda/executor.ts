/**
 * KEDA's scale executor for a ScaledObject, once per pollingInterval
 * (pkg/scaling/executor/scale_scaledobjects.go, RequestScale). KEDA owns 0↔1 (and idle↔min);
 * the generated HPA owns 1↔N. All times in sim seconds.
 */
import type { ScaledObjectCondition } from './types';
import { msg, type Message } from '../../core/message';

export interface ExecutorInput {
  isActive: boolean;
  /** Some scaler failed this poll. */
  isError: boolean;
  currentReplicas: number;
  minReplicaCount: number;
  idleReplicaCount: number | undefined;
  cooldownPeriodSeconds: number;
  initialCooldownPeriodSeconds: number;
  hasFallback: boolean;
  /** From the paused annotations; `replicas` null means "freeze as is". */
  paused: { paused: boolean; replicas: number | null };
  lastActiveTime: number | null;
  createdAt: number;
  now: number;
  previousActive?: ScaledObjectCondition;
  /** For event messages: "apps/v1.Deployment default/php-apache". */
  targetDescription?: string;
  /** Metric names of the active triggers, for the activation event. */
  activeTriggers?: string[];
}

export type ExecutorPhase =
  | 'paused'
  | 'activated'
  | 'active'
  | 'coolingDown'
  | 'deactivated'
  | 'raisedToMin'
  | 'fallbackPending'
  | 'scalerFailed'
  | 'noChange';

export interface KedaEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface ExecutorResult {
  phase: ExecutorPhase;
  replicasAfter: number;
  lastActiveTime: number | null;
  lastActiveTimeUpdated: boolean;
  activeCondition: ScaledObjectCondition;
  /** The Ready condition to store; absent means leave it as it is. */
  readyCondition?: ScaledObjectCondition;
  events: KedaEvent[];
  explanation: Message;
}

export const ACTIVE_TRUE: ScaledObjectCondition = {
  type: 'Active',
  status: 'True',
  reason: 'ScalerActive',
  message: 'Scaling is performed because triggers are active',
};
export const ACTIVE_FALSE: ScaledObjectCondition = {
  type: 'Active',
  status: 'False',
  reason: 'ScalerNotActive',
  message: 'Scaling is not performed because triggers are not active',
};
export const ACTIVE_COOLDOWN: ScaledObjectCondition = {
  type: 'Active',
  status: 'False',
  reason: 'ScalerCooldown',
  message: 'Scaler cooling down because triggers are not active',
};
export const READY_TRUE: ScaledObjectCondition = {
  type: 'Ready',
  status: 'True',
  reason: 'ScaledObjectReady',
  message: 'ScaledObject is defined correctly and is ready for scaling',
};
export const READY_SCALER_FAILED: ScaledObjectCondition = {
  type: 'Ready',
  status: 'False',
  reason: 'KEDAScalerFailed',
  message: 'Triggers defined in ScaledObject are not working correctly',
};

/** The final Active condition: only rewritten when unknown or when activity flipped. */
function settleActive(
  current: ScaledObjectCondition | undefined,
  isActive: boolean,
): ScaledObjectCondition {
  if (!current || current.status === 'Unknown' || (current.status === 'True') !== isActive) {
    return isActive ? ACTIVE_TRUE : ACTIVE_FALSE;
  }
  return current;
}

export function runScaleExecutor(input: ExecutorInput): ExecutorResult {
  const target = input.targetDescription ?? 'scale target';
  const base = {
    replicasAfter: input.currentReplicas,
    lastActiveTime: input.lastActiveTime,
    lastActiveTimeUpdated: false,
    events: [] as KedaEvent[],
  };
  if (input.paused.paused) {
    const pinned = input.paused.replicas;
    return {
      ...base,
      phase: 'paused',
      replicasAfter: pinned ?? input.currentReplicas,
      activeCondition: input.previousActive ?? ACTIVE_FALSE,
      explanation:
        pinned === null ? msg('engine.keda.paused') : msg('engine.keda.pausedReplicas', { replicas: pinned }),
    };
  }
  const min = input.minReplicaCount;
  const idle = input.idleReplicaCount;
  let phase: ExecutorPhase = 'noChange';
  let replicasAfter = input.currentReplicas;
  let lastActiveTime = input.lastActiveTime;
  let lastActiveTimeUpdated = false;
  let active: ScaledObjectCondition | undefined = input.previousActive;
  let readyCondition: ScaledObjectCondition | undefined;
  const events: KedaEvent[] = [];
  let explanation: Message;

  if (input.isActive) {
    if ((idle !== undefined && input.currentReplicas < min) || input.currentReplicas === 0) {
      replicasAfter = Math.max(min, 1);
      phase = 'activated';
      explanation = msg('engine.keda.activated', { current: input.currentReplicas, min, replicas: replicasAfter });
      events.push({
        type: 'Normal',
        reason: 'KEDAScaleTargetActivated',
        message: `Scaled ${target} from ${input.currentReplicas} to ${replicasAfter}, triggered by ${(input.activeTriggers ?? []).join(';')}`,
      });
    } else {
      phase = 'active';
      explanation = msg('engine.keda.active', { current: input.currentReplicas });
    }
    lastActiveTime = input.now;
    lastActiveTimeUpdated = true;
  } else if (input.isError && input.hasFallback) {
    phase = 'fallbackPending';
    explanation = msg('engine.keda.fallbackPending');
  } else if (input.isError) {
    phase = 'scalerFailed';
    readyCondition = READY_SCALER_FAILED;
    explanation = msg('engine.keda.scalerFailed');
  } else if ((idle !== undefined && input.currentReplicas > idle) || (input.currentReplicas > 0 && min === 0)) {
    const to = idle ?? min;
    const cooled =
      lastActiveTime === null
        ? input.now > input.createdAt + input.initialCooldownPeriodSeconds
        : input.now > lastActiveTime + input.cooldownPeriodSeconds;
    if (cooled) {
      replicasAfter = to;
      phase = 'deactivated';
      active = ACTIVE_FALSE;
      explanation =
        lastActiveTime === null
          ? msg('engine.keda.deactivatedNever', { period: input.initialCooldownPeriodSeconds, replicas: to })
          : msg('engine.keda.deactivated', {
              inactive: input.now - lastActiveTime,
              period: input.cooldownPeriodSeconds,
              field: idle !== undefined ? 'idleReplicaCount' : 'minReplicaCount',
              replicas: to,
            });
      if (input.currentReplicas !== to) {
        events.push({
          type: 'Normal',
          reason: 'KEDAScaleTargetDeactivated',
          message: `Deactivated ${target} from ${input.currentReplicas} to ${to}`,
        });
      }
    } else {
      phase = 'coolingDown';
      if (!active || active.status !== 'False' || active.reason !== 'ScalerCooldown') active = ACTIVE_COOLDOWN;
      const since = lastActiveTime ?? input.createdAt;
      const period = lastActiveTime === null ? input.initialCooldownPeriodSeconds : input.cooldownPeriodSeconds;
      explanation = msg(lastActiveTime === null ? 'engine.keda.coolingDownNew' : 'engine.keda.coolingDown', { elapsed: input.now - since, period });
    }
  } else if (idle === undefined && input.currentReplicas < min) {
    replicasAfter = min;
    phase = 'raisedToMin';
    explanation = msg('engine.keda.raisedToMin', { current: input.currentReplicas, min });
  } else {
    explanation = msg('engine.keda.idle', { current: input.currentReplicas });
  }
  // A clean poll heals Ready; with an error and a fallback Ready is left as it was.
  if (!input.isError) readyCondition = READY_TRUE;
  return {
    phase,
    replicasAfter,
    lastActiveTime,
    lastActiveTimeUpdated,
    activeCondition: settleActive(active, input.isActive),
    ...(readyCondition ? { readyCondition } : {}),
    events,
    explanation,
  };
}
