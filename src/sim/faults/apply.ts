import type { Command } from '../core/commands';
import type { World } from '../core/types';
import { sendNode } from '../lifecycle/apply';
import { findInstanceType } from '../cloud/catalog';
import { zonesForRegion } from '../cloud/offerings';
import { faultsOf } from './state';
import { msg, type Message } from '../core/message';

type FaultCommand = Extract<Command, { type: 'zoneOutage' | 'metricsServerOutage' | 'capacityShortage' }>;

export interface FaultResult {
  ok: boolean;
  output: string;
  msg?: Message;
}

/** Sim time as the console prints it elsewhere (m:ss, h:mm:ss past an hour). */
function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function duration(ms: number): string {
  const m = Math.round(ms / 60_000);
  return ms % 60_000 === 0 && m > 0 ? `${m}m` : `${Math.round(ms / 1000)}s`;
}

function knownZone(world: World, zone: string): FaultResult | null {
  const all = zonesForRegion(world.region);
  if (all.includes(zone)) return null;
  const zones = all.join(', ');
  return { ok: false, output: `error: "${zone}" is not an availability zone of ${world.region} (${zones})`, msg: msg('engine.fault.unknownZone', { zone, region: world.region, zones }) };
}

/**
 * Losing a zone: the nodes there stop posting status (NotReady; the taint manager evicts their pods
 * after the default 300 s toleration), instances still booting there are lost, and EC2 refuses new
 * launches there until the outage ends, when the surviving nodes report Ready again.
 */
function loseZone(world: World, zone: string, durationMs: number): FaultResult {
  const bad = knownZone(world, zone);
  if (bad) return bad;
  const faults = faultsOf(world);
  const now = world.timeMs;
  const affected: string[] = [];
  let lost = 0;
  for (const node of world.nodes.values()) {
    if (node.zone !== zone) continue;
    if (node.state === 'Launching') {
      sendNode(world, node, 'TERMINATE');
      lost++;
    } else if (sendNode(world, node, 'FAULT')) affected.push(node.name);
  }
  faults.zoneOutages.push({ zone, fromMs: now, untilMs: now + durationMs, nodes: affected, recovered: false });
  const booting = lost > 0 ? `, ${lost} instance(s) still booting there lost` : '';
  const params = { zone, duration: duration(durationMs), nodes: affected.length, until: clock(now + durationMs) };
  return {
    ok: true,
    output: `zone/${zone} lost for ${params.duration}: ${affected.length} node(s) stopped responding${booting}; EC2 launches in ${zone} fail until ${params.until}`,
    msg: lost > 0 ? msg('engine.fault.zoneLostBooting', { ...params, lost }) : msg('engine.fault.zoneLost', params),
  };
}

function metricsServerOutage(world: World, durationMs: number): FaultResult {
  const faults = faultsOf(world);
  const now = world.timeMs;
  if (faults.metricsServerDownUntilMs <= now) faults.metricsServerDownFromMs = now;
  faults.metricsServerDownUntilMs = Math.max(faults.metricsServerDownUntilMs, now + durationMs);
  const params = { duration: duration(durationMs), until: clock(faults.metricsServerDownUntilMs) };
  return {
    ok: true,
    output: `deployment.apps/metrics-server -n kube-system down for ${params.duration}: the resource metrics API (v1beta1.metrics.k8s.io) is unavailable until ${params.until}`,
    msg: msg('engine.fault.metricsDown', params),
  };
}

function capacityShortage(world: World, instanceType: string, zone: string | undefined, durationMs: number): FaultResult {
  if (!findInstanceType(instanceType)) {
    return { ok: false, output: `error: "${instanceType}" is not an EC2 instance type the playground knows`, msg: msg('engine.fault.unknownType', { type: instanceType }) };
  }
  if (zone) {
    const bad = knownZone(world, zone);
    if (bad) return bad;
  }
  const now = world.timeMs;
  faultsOf(world).capacityShortages.push({ instanceType, zone: zone ?? '', fromMs: now, untilMs: now + durationMs });
  const where = zone ?? `every zone of ${world.region}`;
  const params = { type: instanceType, duration: duration(durationMs), until: clock(now + durationMs) };
  return {
    ok: true,
    output: `capacity/${instanceType}: EC2 launches of ${instanceType} in ${where} fail with InsufficientInstanceCapacity for ${params.duration} (until ${params.until})`,
    msg: zone ? msg('engine.fault.capacityZone', { ...params, zone }) : msg('engine.fault.capacityRegion', { ...params, region: world.region }),
  };
}

export function applyFaultCommand(world: World, cmd: FaultCommand): FaultResult {
  switch (cmd.type) {
    case 'zoneOutage':
      return loseZone(world, cmd.zone, cmd.durationMs);
    case 'metricsServerOutage':
      return metricsServerOutage(world, cmd.durationMs);
    case 'capacityShortage':
      return capacityShortage(world, cmd.instanceType, cmd.zone, cmd.durationMs);
  }
}

/** Once per tick: a zone whose outage is over comes back (its nodes post Ready again). */
export function stepFaults(world: World): void {
  const faults = world.faults;
  if (!faults) return;
  for (const o of faults.zoneOutages) {
    if (o.recovered || world.timeMs < o.untilMs) continue;
    o.recovered = true;
    // Overlapping outages of one zone: the nodes stay down with the one still running.
    const still = faults.zoneOutages.find((x) => x !== o && !x.recovered && x.zone === o.zone && x.fromMs <= world.timeMs && world.timeMs < x.untilMs);
    if (still) {
      for (const name of o.nodes) if (!still.nodes.includes(name)) still.nodes.push(name);
      continue;
    }
    for (const name of o.nodes) {
      const node = world.nodes.get(name);
      if (node?.state === 'NotReady') sendNode(world, node, 'RECOVER');
    }
  }
}
