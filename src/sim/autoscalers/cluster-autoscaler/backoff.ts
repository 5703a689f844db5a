/**
 * Node-group backoff after a failed scale-up (utils/backoff/exponential_backoff.go): the first
 * failure backs the group off for the initial duration (5m); a failure within the reset timeout
 * (3h) of the previous one doubles it, up to the max (30m).
 */
export interface GroupBackoff {
  durationSeconds: number;
  untilSeconds: number;
  lastFailedAtSeconds: number;
  reason: string;
  /** InstanceErrorInfo's code and message, as the status ConfigMap's backoffInfo shows them. */
  errorCode?: string;
  errorMessage?: string;
}

export type BackoffState = Readonly<Record<string, GroupBackoff>>;

export interface BackoffOptions {
  initialNodeGroupBackoffSeconds: number;
  maxNodeGroupBackoffSeconds: number;
  nodeGroupBackoffResetSeconds: number;
}

export function backoffGroup(
  state: BackoffState,
  group: string,
  now: number,
  reason: string,
  opts: BackoffOptions,
  error?: { code: string; message: string },
): BackoffState {
  const previous = state[group];
  let duration = opts.initialNodeGroupBackoffSeconds;
  if (previous && previous.lastFailedAtSeconds + opts.nodeGroupBackoffResetSeconds > now) {
    duration = Math.min(2 * previous.durationSeconds, opts.maxNodeGroupBackoffSeconds);
  }
  return {
    ...state,
    [group]: { durationSeconds: duration, untilSeconds: now + duration, lastFailedAtSeconds: now, reason, errorCode: error?.code, errorMessage: error?.message },
  };
}

export function isBackedOff(state: BackoffState, group: string, now: number): boolean {
  const b = state[group];
  return b !== undefined && now < b.untilSeconds;
}

/** A successful scale-up clears the group's backoff (RemoveBackoff). */
export function clearBackoff(state: BackoffState, group: string): BackoffState {
  if (!(group in state)) return state;
  const next = { ...state };
  delete next[group];
  return next;
}

/** A scale-up the CA asked the cloud for, tracked until the nodes register or time runs out. */
export interface ScaleUpRequest {
  group: string;
  increase: number;
  requestedAtSeconds: number;
  /** requestedAt + --max-node-provision-time. */
  expectedAddBySeconds: number;
}

export interface ProvisionCheck {
  pending: ScaleUpRequest[];
  /** Groups whose nodes did not register in time: back them off and shrink target by `missing`. */
  timedOut: { group: string; missing: number; afterSeconds: number }[];
}

/**
 * clusterstate's scale-up tracking: a request is done once the group has as many registered
 * nodes as its target; one still short after max-node-provision-time has timed out.
 */
export function checkProvisioning(
  requests: readonly ScaleUpRequest[],
  registeredByGroup: Readonly<Record<string, number>>,
  targetByGroup: Readonly<Record<string, number>>,
  now: number,
): ProvisionCheck {
  const out: ProvisionCheck = { pending: [], timedOut: [] };
  for (const r of requests) {
    const registered = registeredByGroup[r.group] ?? 0;
    const target = targetByGroup[r.group] ?? 0;
    if (registered >= target) continue;
    if (now >= r.expectedAddBySeconds) {
      out.timedOut.push({
        group: r.group,
        missing: target - registered,
        afterSeconds: now - r.requestedAtSeconds,
      });
    } else {
      out.pending.push(r);
    }
  }
  return out;
}
