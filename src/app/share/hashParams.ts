/** "#s=…&t=…" → the value of one key, without decoding anything. */
export function hashParam(hash: string, key: string): string | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) if (part.startsWith(`${key}=`)) return part.slice(key.length + 1);
  return undefined;
}

/** Does the address carry a run (even a damaged one)? */
export function hasRunHash(hash: string): boolean {
  return hashParam(hash, 's') !== undefined;
}

/** A `step=` text that names step N ≥ 1 (N counted from 1, as the panel shows it), or undefined. */
export function wholeStep(asked: string): number | undefined {
  const n = asked.trim() === '' ? NaN : Number(asked);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}
