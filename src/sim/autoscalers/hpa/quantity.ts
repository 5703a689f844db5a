/**
 * Kubernetes resource quantities ("100m", "1.5", "2k", "512Mi", "1e3") as the HPA reads them.
 * The controller works in milli-units (Quantity.MilliValue(), which rounds up), so that is what
 * parsing returns. Formatting reproduces Quantity.String()'s canonical form, which is what
 * kubectl prints for spec targets and status values.
 */

import { BINARY_SUFFIX_POWER, DECIMAL_SUFFIX_EXPONENT } from '../../core/quantity';
import { boundedMemo } from '../../core/memo';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface ParsedQuantity {
  /** Value in milli-units, rounded up like MilliValue(). */
  milli: number;
  /** The value as a float without milli rounding (AsApproximateFloat64). */
  approximate: number;
  format: QuantityFormat;
}

const QUANTITY_PATTERN = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

export class QuantityError extends Error {}

function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return q * denominator < numerator ? q + 1n : q;
}

/** Parses a quantity string (or a bare number from YAML) into milli-units. Throws QuantityError. */
export function parseQuantity(input: string | number): ParsedQuantity {
  const text = typeof input === 'number' ? numberToPlainString(input) : input.trim();
  const match = QUANTITY_PATTERN.exec(text);
  if (!match) {
    throw new QuantityError(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': "${text}"`);
  }
  const [, sign, numberPart, suffix = ''] = match;
  const [intDigits, fracDigits = ''] = numberPart.split('.');
  const digits = BigInt((intDigits || '0') + fracDigits);
  // value = digits × 10^(-fracLen) × scale; milli = value × 1000
  let numerator = digits;
  let denominator = 10n ** BigInt(fracDigits.length);
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY_SUFFIX_POWER) {
    numerator *= 1024n ** BigInt(BINARY_SUFFIX_POWER[suffix]) * 1000n;
    format = 'BinarySI';
  } else {
    let exponent: number;
    if (suffix.startsWith('e') || suffix.startsWith('E')) {
      exponent = Number(suffix.slice(1));
      format = 'DecimalExponent';
    } else {
      exponent = DECIMAL_SUFFIX_EXPONENT[suffix];
    }
    const milliExponent = exponent + 3;
    if (milliExponent >= 0) numerator *= 10n ** BigInt(milliExponent);
    else denominator *= 10n ** BigInt(-milliExponent);
  }
  const magnitude = ceilDiv(numerator, denominator);
  const milli = Number(sign === '-' ? -magnitude : magnitude);
  const approximate = (Number(numerator) / Number(denominator) / 1000) * (sign === '-' ? -1 : 1);
  return { milli: Object.is(milli, -0) ? 0 : milli, approximate: approximate || 0, format };
}

export function quantityToMilli(input: string | number): number {
  return milliOf(input);
}

/**
 * A spec's targets are the same few strings at every sync (an External metric's target every poll
 * and every HPA sync), and each parse takes BigInt arithmetic. A string that does not parse throws
 * each time and is not kept.
 */
const milliOf = boundedMemo((input: string | number) => parseQuantity(input).milli, 1024);

function numberToPlainString(n: number): string {
  if (!Number.isFinite(n)) throw new QuantityError(`not a finite quantity: ${n}`);
  // Avoid JS exponent notation for very large/small numbers.
  return Math.abs(n) >= 1e21 || (n !== 0 && Math.abs(n) < 1e-6) ? n.toExponential().replace('e+', 'e') : String(n);
}

const DECIMAL_STEPS: [number, string][] = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
  [-3, 'm'],
];

/**
 * Canonical Quantity.String() for a milli-valued quantity: the largest SI exponent (multiple of 3)
 * that leaves an integer mantissa. BinarySI is used only for whole values of at least 1024 in
 * magnitude, like the real formatter.
 */
export function formatMilliQuantity(milli: number, format: QuantityFormat = 'DecimalSI'): string {
  const rounded = Math.round(milli);
  // Every HPA sync formats a few quantities: below 2^53 plain numbers give the same digits exactly
  // (each divisor up to 10^21 is an exact double, and a whole quotient of exact doubles is exact)
  // without BigInt's allocations. formatMilliQuantityBig is the reference; quantity.test.ts compares.
  if (format === 'DecimalSI' && Number.isSafeInteger(rounded)) return formatSafeDecimal(rounded);
  return formatMilliQuantityBig(rounded, format);
}

/** Each step's divisor, 10^(exponent+3), worked out once (each is an exact double). */
const DECIMAL_DIVISORS = DECIMAL_STEPS.map(([exponent]) => 10 ** (exponent + 3));

function formatSafeDecimal(value: number): string {
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  for (let i = 0; i < DECIMAL_STEPS.length; i++) {
    const divisor = DECIMAL_DIVISORS[i];
    // A divisor above the value leaves the value itself (not 0) as remainder: skip the float modulo.
    if (divisor <= abs && abs % divisor === 0) return `${sign}${abs / divisor}${DECIMAL_STEPS[i][1]}`;
  }
  return `${sign}${abs}m`;
}

/** The formatter in BigInt arithmetic, exact for any magnitude (exported for the equivalence test). */
export function formatMilliQuantityBig(milli: number, format: QuantityFormat = 'DecimalSI'): string {
  const value = BigInt(Math.round(milli));
  if (value === 0n) return '0';
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const sign = negative ? '-' : '';
  if (format === 'BinarySI' && abs % 1000n === 0n && abs / 1000n >= 1024n) {
    let whole = abs / 1000n;
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    let power = 0;
    while (power < 6 && whole % 1024n === 0n) {
      whole /= 1024n;
      power++;
    }
    return `${sign}${whole}${suffixes[power]}`;
  }
  for (const [exponent, suffix] of DECIMAL_STEPS) {
    const divisor = 10n ** BigInt(exponent + 3);
    if (abs % divisor === 0n) return `${sign}${abs / divisor}${suffix}`;
  }
  return `${sign}${abs}m`;
}

/** Re-prints a manifest quantity the way the API server would return it ("0.5" → "500m"). */
export function canonicalQuantity(input: string | number): string {
  const parsed = parseQuantity(input);
  return formatMilliQuantity(parsed.milli, parsed.format === 'BinarySI' ? 'BinarySI' : 'DecimalSI');
}

/** Quantity.AsApproximateFloat64(): the plain value (used for per-direction tolerances). */
export function quantityToFloat(input: string | number): number {
  return parseQuantity(input).approximate;
}
