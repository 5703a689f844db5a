import type { InstanceType } from './catalog';
import { catalogRegions, onDemandPrice } from './catalog';
import { spotPriceFromOnDemand } from './spotPrices';

export type OfferingCapacityType = 'on-demand' | 'spot';

export interface CloudOffering {
  zone: string;
  capacityType: OfferingCapacityType;
  /** USD per hour. */
  price: number;
  available: boolean;
}

/** Availability zones the playground offers per region (real zone names). */
const ZONES_BY_REGION: Record<string, readonly string[]> = {
  'ap-northeast-2': ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c', 'ap-northeast-2d'],
  'us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
};

export function zonesForRegion(region: string): readonly string[] {
  return ZONES_BY_REGION[region] ?? ['a', 'b', 'c'].map((s) => `${region}${s}`);
}

/**
 * Offerings that failed to launch (InsufficientInstanceCapacity, or a spot interruption) are kept
 * out for a while, as Karpenter's unavailable-offerings cache does (3 minutes).
 */
export const UNAVAILABLE_OFFERING_TTL_SECONDS = 180;

export interface UnavailableOffering {
  instanceType: string;
  zone: string;
  capacityType: OfferingCapacityType;
  expiresAtSeconds: number;
}

export type UnavailableOfferings = readonly UnavailableOffering[];

function sameOffering(a: Omit<UnavailableOffering, 'expiresAtSeconds'>, b: Omit<UnavailableOffering, 'expiresAtSeconds'>) {
  return a.instanceType === b.instanceType && a.zone === b.zone && a.capacityType === b.capacityType;
}

/** Returns a new cache with the offering marked unavailable until now + ttl (refreshing an old entry). */
export function markOfferingUnavailable(
  cache: UnavailableOfferings,
  offering: Omit<UnavailableOffering, 'expiresAtSeconds'>,
  nowSeconds: number,
  ttlSeconds = UNAVAILABLE_OFFERING_TTL_SECONDS,
): UnavailableOffering[] {
  const rest = cache.filter((e) => !sameOffering(e, offering) && e.expiresAtSeconds > nowSeconds);
  return [...rest, { ...offering, expiresAtSeconds: nowSeconds + ttlSeconds }];
}

export function isOfferingUnavailable(
  cache: UnavailableOfferings,
  offering: Omit<UnavailableOffering, 'expiresAtSeconds'>,
  nowSeconds: number,
): boolean {
  return cache.some((e) => sameOffering(e, offering) && e.expiresAtSeconds > nowSeconds);
}

export function pruneUnavailableOfferings(cache: UnavailableOfferings, nowSeconds: number): UnavailableOffering[] {
  return cache.filter((e) => e.expiresAtSeconds > nowSeconds);
}

export interface OfferingContext {
  region: string;
  seed: number;
  nowSeconds?: number;
  unavailable?: UnavailableOfferings;
}

/**
 * On-demand price where the type is sold. In a catalog region a type without a price there is
 * treated as not offered (Seoul lacks many post-2022 families); other regions borrow us-east-1.
 */
export function regionalOnDemandPrice(type: InstanceType, region: string): number | undefined {
  if (catalogRegions.includes(region)) return type.onDemandUsdPerHour[region];
  const p = onDemandPrice(type, region);
  return p > 0 ? p : undefined;
}

/**
 * Every (zone × capacity type) offering of a type: none when the type is not sold in the region.
 * The playground assumes a sold type is offered in every zone of the region; only the
 * unavailable-offerings cache takes offerings away.
 */
export function offeringsFor(type: InstanceType, ctx: OfferingContext): CloudOffering[] {
  const od = regionalOnDemandPrice(type, ctx.region);
  if (od === undefined || od <= 0) return [];
  const now = ctx.nowSeconds ?? 0;
  const cache = ctx.unavailable ?? [];
  const out: CloudOffering[] = [];
  for (const zone of zonesForRegion(ctx.region)) {
    for (const capacityType of ['on-demand', 'spot'] as const) {
      const price = capacityType === 'spot' ? spotPriceFromOnDemand(od, ctx.seed, ctx.region, type.family, zone) : od;
      const available = !isOfferingUnavailable(cache, { instanceType: type.name, zone, capacityType }, now);
      out.push({ zone, capacityType, price, available });
    }
  }
  return out;
}
