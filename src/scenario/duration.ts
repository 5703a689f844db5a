/**
 * Durations as Go's time.ParseDuration writes them ("30m", "90s", "1h30m", "10ms", "1.5h"), which is
 * what Kubernetes, KEDA and Karpenter manifests use. Results are whole milliseconds.
 */
import { msg, type Message } from '../sim/core/message';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /([0-9]*\.?[0-9]+)(ms|s|m|h)/y;

export const DURATION_HINT = 'a duration such as 90s, 30m or 1h30m (units: ms, s, m, h)';

/** `error` is the English the CLI prints; `msg` the same for the page, in the reader's language. */
export function parseDuration(input: unknown): { ok: true; ms: number } | { ok: false; error: string; msg: Message } {
  if (input === 0 || input === '0') return { ok: true, ms: 0 };
  const hint = msg('scenarioError.duration.hint');
  if (typeof input !== 'string') {
    if (typeof input === 'number') return { ok: false, error: `expected ${DURATION_HINT}, got ${input} (a number needs a unit)`, msg: msg('scenarioError.duration.number', { hint, value: String(input) }) };
    return { ok: false, error: `expected ${DURATION_HINT}, got ${typeof input}`, msg: msg('scenarioError.duration.type', { hint, type: typeof input }) };
  }
  const text = input.trim();
  if (text === '') return { ok: false, error: `expected ${DURATION_HINT}, got an empty string`, msg: msg('scenarioError.duration.empty', { hint }) };
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const m = PART.exec(text);
    if (!m) return { ok: false, error: `invalid duration "${input}" at "${text.slice(start)}": expected ${DURATION_HINT}`, msg: msg('scenarioError.duration.invalid', { hint, input, rest: text.slice(start) }) };
    total += Number(m[1]) * UNIT_MS[m[2]];
  }
  return { ok: true, ms: Math.round(total) };
}

/** 90000 → "1m30s", the inverse of parseDuration for messages. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}
