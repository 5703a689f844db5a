import { ownEntry } from '../sim/core/ownKey';

/** Availability zones of the catalog's regions (real zone names), for node groups and their defaults. */
const ZONES_BY_REGION: Record<string, readonly string[]> = {
  'ap-northeast-2': ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c', 'ap-northeast-2d'],
  'us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
};

export function regionZones(region: string): readonly string[] {
  return ownEntry(ZONES_BY_REGION, region) ?? ['a', 'b', 'c'].map((s) => `${region}${s}`);
}

/** A managed node group spreads over the region's first three zones unless told otherwise. */
export function defaultZones(region: string): string[] {
  return regionZones(region).slice(0, 3);
}
