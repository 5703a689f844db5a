import type { World } from '../../../core/types';
import { markOfferingUnavailable, UNAVAILABLE_OFFERING_TTL_SECONDS } from '../../../cloud/offerings';
import { launchRefusal } from '../../../faults/state';
import { msg, type Message } from '../../../core/message';
import type { Requirements } from '../requirements';
import type { LogStyle } from '../logs';
import type { InstanceTypeOption } from '../types';
import { chooseLaunch, type LaunchChoice } from '../offeringSelection';
import { removingOffering } from '../logsV1';
import { karpenterLog } from './logging';
import type { KarpenterState } from './state';

export interface FleetOutcome {
  launch: LaunchChoice | undefined;
  /** Offerings EC2 refused (InsufficientInstanceCapacity), in the order tried. */
  refused: { instanceType: string; zone: string; capacityType: string }[];
  /** The last refusal's message, for the error when nothing launched. */
  lastError: string | null;
  /** For Why: what was refused before the launch, or null when nothing was. */
  note: Message | null;
}

/**
 * CreateFleet over the claim's offerings: EC2 launches the cheapest one it has capacity for. Each
 * offering it refuses with InsufficientInstanceCapacity goes into Karpenter's unavailable-offerings
 * cache for 3 minutes ("removing offering from offerings", pkg/cache/unavailableofferings.go), so
 * the launch falls back to the next zone or type, and the next batches avoid it too.
 */
export function createFleet(world: World, state: KarpenterState, options: readonly InstanceTypeOption[], reqs: Requirements, style: LogStyle): FleetOutcome {
  const refused: FleetOutcome['refused'] = [];
  let lastError: string | null = null;
  let opts = options;
  const nowSeconds = world.timeMs / 1000;
  for (let attempt = 0; attempt < 500; attempt++) {
    const launch = chooseLaunch(opts, reqs);
    if (!launch) break;
    const refusal = launchRefusal(world, launch.instanceType, launch.zone, [launch.zone]);
    if (refusal === null) return { launch, refused, lastError, note: noteOf(refused) };
    lastError = refusal;
    const offering = { instanceType: launch.instanceType, zone: launch.zone, capacityType: launch.capacityType };
    refused.push(offering);
    state.unavailable = markOfferingUnavailable(state.unavailable, offering, nowSeconds);
    karpenterLog(
      world,
      style === 'v1'
        ? removingOffering('InsufficientInstanceCapacity', launch.instanceType, launch.zone, launch.capacityType, UNAVAILABLE_OFFERING_TTL_SECONDS)
        : {
            level: 'DEBUG',
            logger: 'controller',
            message: 'removing offering from offerings',
            fields: { reason: 'InsufficientInstanceCapacity', 'instance-type': launch.instanceType, zone: launch.zone, 'capacity-type': launch.capacityType, ttl: `${UNAVAILABLE_OFFERING_TTL_SECONDS / 60}m0s` },
          },
      style,
    );
    opts = opts.map((o) =>
      o.name !== launch.instanceType
        ? o
        : { ...o, offerings: o.offerings.map((off) => (off.zone === launch.zone && off.capacityType === launch.capacityType ? { ...off, available: false } : off)) },
    );
  }
  return { launch: undefined, refused, lastError, note: noteOf(refused) };
}

function noteOf(refused: FleetOutcome['refused']): Message | null {
  if (refused.length === 0) return null;
  const list = refused.slice(0, 4).map((r) => `${r.instanceType} ${r.zone} ${r.capacityType}`);
  if (refused.length > 4) list.push(`+${refused.length - 4}`);
  return msg('engine.karpenter.insufficientCapacity', { offerings: list.join(', ') });
}
