import { LABEL_CAPACITY_TYPE, LABEL_ZONE, requirementHas, type Requirements } from './requirements';
import type { CapacityType, InstanceTypeOption, Offering } from './types';
import { maxOf } from '../../core/arrays';

/** An offering fits requirements when its zone and capacity type are allowed (absent key = any). */
export function offeringCompatible(o: Offering, reqs: Requirements): boolean {
  const zone = reqs.get(LABEL_ZONE);
  const ct = reqs.get(LABEL_CAPACITY_TYPE);
  return (!zone || requirementHas(zone, o.zone)) && (!ct || requirementHas(ct, o.capacityType));
}

export function availableCompatibleOfferings(it: InstanceTypeOption, reqs: Requirements): Offering[] {
  return it.offerings.filter((o) => o.available && offeringCompatible(o, reqs));
}

export function capacityTypeAllowed(reqs: Requirements, ct: CapacityType): boolean {
  const r = reqs.get(LABEL_CAPACITY_TYPE);
  return !r || requirementHas(r, ct);
}

/** Cheapest available compatible offering price, used to order options (Infinity when none). */
export function cheapestPrice(it: InstanceTypeOption, reqs: Requirements): number {
  let best = Number.POSITIVE_INFINITY;
  for (const o of availableCompatibleOfferings(it, reqs)) best = Math.min(best, o.price);
  return best;
}

/** Options ordered by their cheapest compatible offering, then by name for a stable order. */
export function orderByPrice(options: readonly InstanceTypeOption[], reqs: Requirements): InstanceTypeOption[] {
  const priced = options.map((o) => ({ o, p: cheapestPrice(o, reqs) }));
  priced.sort((a, b) => a.p - b.p || (a.o.name < b.o.name ? -1 : a.o.name > b.o.name ? 1 : 0));
  return priced.map((x) => x.o);
}

/**
 * The capacity type the cloud provider would launch: spot whenever requirements allow it and some
 * option has an available spot offering, else on-demand (reserved capacity is not simulated).
 */
export function launchCapacityType(options: readonly InstanceTypeOption[], reqs: Requirements): CapacityType | undefined {
  for (const ct of ['spot', 'on-demand'] as const) {
    if (!capacityTypeAllowed(reqs, ct)) continue;
    if (options.some((it) => availableCompatibleOfferings(it, reqs).some((o) => o.capacityType === ct))) return ct;
  }
  return undefined;
}

/**
 * Worst-case price if this type were launched: the MOST expensive compatible offering of the
 * capacity type that would be chosen for it (spot before on-demand). Infinity when nothing fits.
 */
export function worstLaunchPrice(it: InstanceTypeOption, reqs: Requirements): number {
  const offers = availableCompatibleOfferings(it, reqs);
  for (const ct of ['spot', 'on-demand'] as const) {
    if (!capacityTypeAllowed(reqs, ct)) continue;
    const ofCt = offers.filter((o) => o.capacityType === ct);
    if (ofCt.length > 0) return maxOf(ofCt.map((o) => o.price));
  }
  return Number.POSITIVE_INFINITY;
}

export interface LaunchChoice {
  instanceType: string;
  zone: string;
  capacityType: CapacityType;
  price: number;
  option: InstanceTypeOption;
}

/**
 * What CreateFleet would return: the launch capacity type, then the cheapest offering of it across
 * all options. AWS uses price-capacity-optimized for spot; the playground approximates it as cheapest.
 */
export function chooseLaunch(options: readonly InstanceTypeOption[], reqs: Requirements): LaunchChoice | undefined {
  const ct = launchCapacityType(options, reqs);
  if (!ct) return undefined;
  let best: LaunchChoice | undefined;
  for (const option of options) {
    for (const o of availableCompatibleOfferings(option, reqs)) {
      if (o.capacityType !== ct) continue;
      if (!best || o.price < best.price) {
        best = { instanceType: option.name, zone: o.zone, capacityType: ct, price: o.price, option };
      }
    }
  }
  return best;
}
