import type { RngState } from './types';

/**
 * The only source of randomness in the engine: mulberry32 over a 32-bit state kept in the world,
 * so a checkpoint carries the generator's position and replays draw the same numbers.
 */
export function createRng(seed: number): RngState {
  return { s: seed >>> 0 || 0x9e3779b9 };
}

export function nextFloat(rng: RngState): number {
  rng.s = (rng.s + 0x6d2b79f5) >>> 0;
  let t = rng.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function nextInt(rng: RngState, minInclusive: number, maxInclusive: number): number {
  return minInclusive + Math.floor(nextFloat(rng) * (maxInclusive - minInclusive + 1));
}

/** A duration drawn uniformly within ±jitter of its nominal value. */
export function jittered(rng: RngState, nominalMs: number, jitterFraction: number): number {
  return Math.round(nominalMs * (1 + (nextFloat(rng) * 2 - 1) * jitterFraction));
}

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The random suffix Kubernetes appends to generated names (k8s.io/apimachinery rand.String alphabet). */
export function randomSuffix(rng: RngState, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NAME_ALPHABET[Math.floor(nextFloat(rng) * NAME_ALPHABET.length)];
  return out;
}
