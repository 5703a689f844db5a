/**
 * Where an imported cluster runs in the simulation. The price catalog covers a few regions; a
 * cluster from another one is simulated in the fallback region at its prices, and its zones become
 * the fallback's zones in the same order (eu-central-1a → us-east-1a, …), so that node groups,
 * NodePool requirements and zone selectors keep pointing at zones that exist. The report says so.
 */
import { catalogRegions } from '../../sim/cloud/catalog';
import { regionZones } from '../zones';
import { line, type ImportReport } from './report';

export const FALLBACK_REGION = 'us-east-1';

export interface RegionChoice {
  region: string;
  /** Names to rewrite in the imported objects: original zone → simulated zone, original region → region. Empty when nothing moves. */
  renames: Map<string, string>;
}

/**
 * `seenRegion`: the region most nodes name; `seenZones`: every zone the nodes name. A cluster with
 * more zones than the fallback has shares the fallback's zones round-robin (the report lists each).
 */
export function chooseRegion(seenRegion: string | undefined, seenZones: readonly string[], report: ImportReport): RegionChoice {
  const renames = new Map<string, string>();
  if (seenRegion === undefined) {
    report.assumptions.push(line('regionMissing', { used: FALLBACK_REGION }, `no node says its region: assumed ${FALLBACK_REGION}`));
    return { region: FALLBACK_REGION, renames };
  }
  if (catalogRegions.includes(seenRegion)) return { region: seenRegion, renames };
  const targets = regionZones(FALLBACK_REGION);
  const zones = [...new Set(seenZones)].sort();
  zones.forEach((z, i) => renames.set(z, targets[i % targets.length]));
  renames.set(seenRegion, FALLBACK_REGION);
  if (zones.length === 0) {
    report.assumptions.push(line('regionNotInCatalog', { region: seenRegion, used: FALLBACK_REGION }, `region ${seenRegion} is not in the price catalog: priced as ${FALLBACK_REGION}`));
  } else {
    const pairs = zones.map((z) => `${z} → ${renames.get(z) ?? z}`).join(', ');
    report.assumptions.push(
      line(
        'regionMoved',
        { region: seenRegion, used: FALLBACK_REGION, zones: pairs },
        `region ${seenRegion} is not in the price catalog: the cluster is simulated in ${FALLBACK_REGION} at ${FALLBACK_REGION} prices, its zones renamed in order (${pairs}) in node groups, NodePools and zone selectors`,
      ),
    );
  }
  return { region: FALLBACK_REGION, renames };
}

/**
 * Every string in `value` that is exactly a renamed zone or region, replaced (node selectors,
 * affinity and NodePool requirement values, topology labels). Other strings stay as they are.
 */
export function renamePlaces<T>(value: T, renames: ReadonlyMap<string, string>): T {
  if (renames.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return renames.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
