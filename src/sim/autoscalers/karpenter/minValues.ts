/**
 * NodePool requirements' minValues (kubernetes-sigs/karpenter pkg/cloudprovider/types.go
 * InstanceTypes.SatisfiesMinValues): a NodeClaim's remaining instance-type options must span at
 * least minValues distinct values of each such key, or the pod cannot join it ("minValues
 * requirement is not met for label(s)"). With the default --min-values-policy=Strict this keeps a
 * pod off a NodeClaim, and a NodeClaim that cannot meet it is not created.
 */
import { availableCompatibleOfferings } from './offeringSelection';
import { LABEL_CAPACITY_TYPE, LABEL_ZONE, type Requirements } from './requirements';
import type { InstanceTypeOption } from './types';

/** The values one instance type offers for a key: its label, or its offerings' zones / capacity types. */
function valuesOf(it: InstanceTypeOption, key: string, reqs: Requirements): string[] {
  if (key === LABEL_ZONE) return availableCompatibleOfferings(it, reqs).map((o) => o.zone);
  if (key === LABEL_CAPACITY_TYPE) return availableCompatibleOfferings(it, reqs).map((o) => o.capacityType);
  const v = it.labels[key];
  return v === undefined ? [] : [v];
}

export interface MinValuesCheck {
  /** How many of the options, in order, are needed to meet every minValues (all of them when unmet). */
  needed: number;
  /** Keys still short, with the distinct values the options reach. */
  unmet: Record<string, number>;
}

export function checkMinValues(options: readonly InstanceTypeOption[], reqs: Requirements): MinValuesCheck {
  const keys = [...reqs.values()].filter((r) => r.minValues !== undefined);
  if (keys.length === 0) return { needed: 0, unmet: {} };
  const seen = new Map<string, Set<string>>(keys.map((r) => [r.key, new Set<string>()]));
  let unmet: Record<string, number> = {};
  for (let i = 0; i < options.length; i++) {
    unmet = {};
    for (const r of keys) {
      const set = seen.get(r.key)!;
      for (const v of valuesOf(options[i], r.key, reqs)) set.add(v);
      if (set.size < r.minValues!) unmet[r.key] = set.size;
    }
    if (Object.keys(unmet).length === 0) return { needed: i + 1, unmet };
  }
  if (options.length === 0) for (const r of keys) unmet[r.key] = 0;
  return { needed: options.length, unmet };
}

/** The scheduler's words when a NodeClaim's options fall short. */
export function minValuesError(options: readonly InstanceTypeOption[], reqs: Requirements): string | undefined {
  const { unmet } = checkMinValues(options, reqs);
  const keys = Object.keys(unmet).sort();
  return keys.length === 0 ? undefined : `minValues requirement is not met for label(s) (label(s)=[${keys.join(' ')}])`;
}
