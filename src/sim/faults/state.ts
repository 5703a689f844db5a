/**
 * Faults a person injects (the Faults menu, `playground fault …`): what the simulated cloud and
 * cluster refuse while each lasts. The controllers do not read these to "know" about a fault; they
 * meet its effects as the real ones do (a launch that fails with InsufficientInstanceCapacity, a
 * metrics API that answers 503, nodes that stop posting status).
 */
import type { World } from '../core/types';
import type { Faults } from './types';

export type { AsgLaunchFailure, CapacityShortage, Faults, ZoneOutage } from './types';

export function faultsOf(world: World): Faults {
  return (world.faults ??= { zoneOutages: [], capacityShortages: [], metricsServerDownUntilMs: -1, metricsServerDownFromMs: -1, asgFailures: {} });
}

export function zoneIsDown(world: World, zone: string): boolean {
  const f = world.faults;
  if (!f) return false;
  const now = world.timeMs;
  return f.zoneOutages.some((o) => o.zone === zone && o.fromMs <= now && now < o.untilMs);
}

export function metricsServerDown(world: World): boolean {
  const f = world.faults;
  return f !== undefined && f.metricsServerDownFromMs <= world.timeMs && world.timeMs < f.metricsServerDownUntilMs;
}

/**
 * Why EC2 would refuse to launch this type in this zone now, as the InsufficientInstanceCapacity
 * error message reads, or null when it would launch. A lost zone has no capacity of any type.
 */
export function launchRefusal(world: World, instanceType: string, zone: string, zonesOfRequest: readonly string[]): string | null {
  const f = world.faults;
  if (!f) return null;
  const now = world.timeMs;
  const short = (z: string) =>
    zoneIsDown(world, z) || f.capacityShortages.some((s) => s.instanceType === instanceType && (s.zone === '' || s.zone === z) && s.fromMs <= now && now < s.untilMs);
  if (!short(zone)) return null;
  const others = zonesOfRequest.filter((z) => z !== zone && !short(z));
  const elsewhere = others.length > 0 ? ` or choosing ${others.join(', ')}` : '';
  return (
    `We currently do not have sufficient ${instanceType} capacity in the Availability Zone you requested (${zone}). ` +
    `Our system will be working on provisioning additional capacity. You can currently get ${instanceType} capacity by not specifying an Availability Zone in your request${elsewhere}.`
  );
}
