import { maxOf } from '../core/arrays';
/** kubectl's table printer: upper-case headers, columns padded and separated by three spaces. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, maxOf(rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] + 3)))
      .join('')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** kubectl's HumanDuration (k8s.io/apimachinery/pkg/util/duration), from seconds. */
export function humanDurationSeconds(totalSeconds: number): string {
  if (totalSeconds < -1) return '<invalid>';
  if (totalSeconds < 0) return '0s';
  const s = Math.floor(totalSeconds);
  if (s < 120) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) return s % 60 === 0 ? `${minutes}m` : `${minutes}m${s % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${years}y`;
}

/** HumanDuration of a sim-millisecond span. */
export function humanDuration(ms: number): string {
  return humanDurationSeconds(ms / 1000);
}

/** An aligned "Key:  value" block as kubectl describe prints it. */
export function describeBlock(pairs: [string, string][], indent = ''): string {
  const width = maxOf(pairs.map(([k]) => k.length + 1)) + 2;
  return pairs.map(([k, v]) => `${indent}${`${k}:`.padEnd(width)}${v}`).join('\n');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** RFC 3339 in UTC with whole seconds, as metav1.Time marshals. */
export function rfc3339(simSeconds: number, epochMs: number): string {
  return new Date(epochMs + Math.trunc(simSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Go's time.RFC1123Z in UTC: "Mon, 02 Jan 2006 15:04:05 +0000" (kubectl describe). */
export function rfc1123z(simSeconds: number, epochMs: number): string {
  const d = new Date(epochMs + Math.trunc(simSeconds) * 1000);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}
