import type { InstanceType } from './catalog';
import { onDemandPrice } from './catalog';

/**
 * SPOT PRICES ARE MODELLED, NOT REAL.
 *
 * The instance catalog has no spot prices (none of its sources publish them), so the playground
 * derives them: spot = on-demand × a fraction drawn from a seeded hash of
 * (seed, region, instance family, zone), uniform in [0.25, 0.45]. Real EC2 spot prices in
 * 2023–2025 mostly sat 55–75 % below on-demand, which is where this range comes from.
 *
 * Consequences a reader should know:
 * - All sizes of one family in one zone share the same fraction, so within a family spot keeps
 *   the on-demand price ratios (an xlarge costs twice a large), as it roughly does on EC2.
 * - Prices are stable for a seed: the same seed always gives the same spot market; another seed
 *   gives another market. Nothing moves over time.
 * - Prices are rounded to 1/10000 $, as EC2 spot prices are published.
 */
export const SPOT_FRACTION_MIN = 0.25;
export const SPOT_FRACTION_MAX = 0.45;

/** FNV-1a over UTF-16 code units, then a murmur3-style finaliser; a pure 32-bit hash. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in [0, 1) from a key. */
export function hashUnit(text: string): number {
  return hash32(text) / 2 ** 32;
}

export function spotFraction(seed: number, region: string, family: string, zone: string): number {
  const u = hashUnit(`spot|${seed}|${region}|${family}|${zone}`);
  return SPOT_FRACTION_MIN + u * (SPOT_FRACTION_MAX - SPOT_FRACTION_MIN);
}

/** The modelled spot price for a family in a zone, given its on-demand price. */
export function spotPriceFromOnDemand(onDemand: number, seed: number, region: string, family: string, zone: string): number {
  return Math.round(onDemand * spotFraction(seed, region, family, zone) * 10_000) / 10_000;
}

/** Spot price of a catalog type (on-demand falls back to us-east-1 as onDemandPrice does). */
export function spotPrice(type: InstanceType, region: string, zone: string, seed: number): number {
  return spotPriceFromOnDemand(onDemandPrice(type, region), seed, region, type.family, zone);
}
