/**
 * How the replica calculators word their numbers in explanations: ratios to three decimals,
 * quantities as Kubernetes prints them, and the tolerance band.
 */
import { isWithinTolerance, type Tolerances } from './defaults';
import { formatMilliQuantity } from './quantity';
import { boundedMemo } from '../../core/memo';
import { msg, type Message } from '../../core/message';

/** Replica counts are int32 upstream; huge ratios saturate instead of overflowing. */
export const MAX_INT32 = 2147483647;

export const ratioText = (r: number): string => (Number.isFinite(r) ? r.toFixed(3) : String(r));
export const q = (milli: number): string => formatMilliQuantity(milli);
/** Millicores read best for CPU ("1000m" rather than the canonical "1"). */
export const amount = (milli: number, resource: string | undefined): string => (resource === 'cpu' ? `${milli}m` : q(milli));

/** The band's bounds as text, kept per value: the same few tolerances are printed on every sync. */
const boundText = boundedMemo(ratioText, 256);

export function toleranceText(ratio: number, tolerances: Tolerances): Message {
  const within = isWithinTolerance(ratio, tolerances);
  return msg(within ? 'engine.hpa.toleranceYes' : 'engine.hpa.toleranceNo', {
    ratio: ratioText(ratio),
    low: boundText(1 - tolerances.scaleDown),
    high: boundText(1 + tolerances.scaleUp),
  });
}
