import { ownEntry } from '../core/ownKey';

/** Go's time.ParseDuration, as pflag reads `--since=5m` or `--since=1h30m`, in seconds. */
export type DurationResult = { ok: true; seconds: number } | { ok: false; error: string };

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

export function parseGoDuration(text: string): DurationResult {
  const quoted = `"${text}"`;
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, seconds: 0 };
  if (rest === '') return { ok: false, error: `time: invalid duration ${quoted}` };
  let seconds = 0;
  while (rest !== '') {
    const num = /^([0-9]*\.?[0-9]*)/.exec(rest)![1];
    if (num === '' || num === '.') return { ok: false, error: `time: invalid duration ${quoted}` };
    rest = rest.slice(num.length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${quoted}` };
    const factor = ownEntry(UNIT_SECONDS, unit);
    if (factor === undefined) return { ok: false, error: `time: unknown unit "${unit}" in duration ${quoted}` };
    seconds += Number(num) * factor;
    rest = rest.slice(unit.length);
  }
  return { ok: true, seconds: sign * seconds };
}
