/**
 * The legacy normalization's two steps (stabilizeLegacy's window scan and
 * convertDesiredReplicasLegacy's clamp) as kernels that answer in one kept object each:
 * normalizeLegacy runs them once per sync and reads each answer at once, and the exported
 * functions of normalize.ts copy them out.
 */

/** The reasons the clamp gives (a part of normalize.ts' LimitReason; not imported, which would make a cycle). */
type LegacyLimitReason = 'TooFewReplicas' | 'TooManyReplicas' | 'ScaleUpLimit' | 'DesiredWithinRange';

/** The legacy window's scan, one object for every call (normalizeLegacy runs once per sync): read it before the next scan. */
const legacyScan = { stabilized: 0, oldIndex: -1 };

export function scanLegacyWindow(recommendations: readonly { readonly replicas: number; readonly timestampSeconds: number }[], proposal: number, cutoff: number): typeof legacyScan {
  let stabilized = proposal;
  let oldIndex = -1;
  for (let i = 0; i < recommendations.length; i++) {
    const rec = recommendations[i];
    if (rec.timestampSeconds < cutoff) oldIndex = i;
    else if (rec.replicas > stabilized) stabilized = rec.replicas;
  }
  legacyScan.stabilized = stabilized;
  legacyScan.oldIndex = oldIndex;
  return legacyScan;
}

/** convertDesiredReplicasLegacy into one object for every call (read it before the next). */
const legacyClamp: { replicas: number; reason: LegacyLimitReason } = { replicas: 0, reason: 'DesiredWithinRange' };

export function clampLegacy(currentReplicas: number, desiredReplicas: number, minReplicas: number, maxReplicas: number): typeof legacyClamp {
  const scaleUpLimit = Math.max(2 * currentReplicas, 4);
  const maxAllowed = maxReplicas > scaleUpLimit ? scaleUpLimit : maxReplicas;
  const upReason: LegacyLimitReason = maxReplicas > scaleUpLimit ? 'ScaleUpLimit' : 'TooManyReplicas';
  if (desiredReplicas < minReplicas) return clamped(minReplicas, 'TooFewReplicas');
  if (desiredReplicas > maxAllowed) return clamped(maxAllowed, upReason);
  return clamped(desiredReplicas, 'DesiredWithinRange');
}

function clamped(replicas: number, reason: LegacyLimitReason): typeof legacyClamp {
  legacyClamp.replicas = replicas;
  legacyClamp.reason = reason;
  return legacyClamp;
}
