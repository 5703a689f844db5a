/**
 * Small kubectl look-alikes shared by the VPA and KEDA views: `get` tables, the AGE column, and
 * the generic `describe` layout kubectl uses for custom resources (Title Case keys, sorted, values
 * aligned per level, list items without dashes).
 */

import { humanDurationSeconds as humanDuration } from '../../views/format';
import { maxOf, pushAll } from '../../core/arrays';
import { describeEventAge } from '../../views/events';

export { humanDuration };

/** Columns padded to their widest cell and separated by three spaces, like kubectl's printer. */
export function formatTable(header: string[], rows: string[][], gap = '   '): string {
  const widths = header.map((h, i) => Math.max(h.length, maxOf(rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join(gap)
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** "apiVersion" → "API Version", "targetRef" → "Target Ref". */
export function titleCaseKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
  return words
    .map((w) => (w.toLowerCase() === 'api' ? 'API' : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

export type DescribeValue = string | number | boolean | null | undefined | DescribeValue[] | DescribeMap;
export interface DescribeMap {
  [key: string]: DescribeValue;
}

function isScalar(v: DescribeValue): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Renders a nested object the way `kubectl describe` renders an unstructured resource. */
export function describeTree(map: DescribeMap, indent = 0, sortKeys = true): string[] {
  const pad = ' '.repeat(indent);
  const keys = Object.keys(map).filter((k) => map[k] !== undefined && map[k] !== null);
  if (sortKeys) keys.sort((a, b) => a.localeCompare(b));
  const scalarWidth = Math.max(0, maxOf(keys.filter((k) => isScalar(map[k])).map((k) => titleCaseKey(k).length + 1)));
  const lines: string[] = [];
  for (const k of keys) {
    const v = map[k];
    const label = `${titleCaseKey(k)}:`;
    if (isScalar(v)) {
      lines.push(`${pad}${label.padEnd(scalarWidth)}  ${String(v)}`);
    } else if (Array.isArray(v)) {
      lines.push(`${pad}${label}`);
      for (const item of v) {
        if (isScalar(item)) lines.push(`${pad}  ${String(item)}`);
        else if (item && !Array.isArray(item)) pushAll(lines, describeTree(item, indent + 2, sortKeys));
      }
    } else if (v) {
      lines.push(`${pad}${label}`);
      pushAll(lines, describeTree(v, indent + 2, sortKeys));
    }
  }
  return lines;
}

export interface DescribeEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  /** Since the latest occurrence (lastTimestamp). */
  ageSeconds: number;
  from: string;
  message: string;
  /** A repeated event (the API's count > 1) and the age of its first occurrence. */
  count?: number;
  firstAgeSeconds?: number;
}

/** kubectl's DescribeEvents: sorted by lastTimestamp, a repeat as "3m (x4 over 28m)". */
export function describeEvents(unsorted: readonly DescribeEvent[]): string[] {
  if (unsorted.length === 0) return ['Events:  <none>'];
  const events = [...unsorted].sort((a, b) => b.ageSeconds - a.ageSeconds);
  // kubectl prints a fixed dash row under the header, aligned by its tabwriter.
  const table = formatTable(
    ['Type', 'Reason', 'Age', 'From', 'Message'],
    [
      ['----', '------', '----', '----', '-------'],
      ...events.map((e) => [e.type, e.reason, describeEventAge(e.ageSeconds, e.count ?? 1, e.firstAgeSeconds ?? e.ageSeconds), e.from, e.message.trim()]),
    ],
    '  ',
  ).split('\n');
  return ['Events:', ...table.map((l) => `  ${l}`)];
}

/** Sim seconds to an RFC 3339 timestamp, given the wall-clock time of sim second 0. */
export function rfc3339(simSeconds: number, simEpochMs: number): string {
  return new Date(simEpochMs + Math.round(simSeconds * 1000)).toISOString().replace('.000Z', 'Z');
}

/** Memory as users write it: binary suffix when exact ("50Mi"), else plain bytes. */
export function formatMemoryBinary(bytes: number): string {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let v = Math.trunc(bytes);
  let i = 0;
  while (i < units.length - 1 && v !== 0 && v % 1024 === 0) {
    v /= 1024;
    i++;
  }
  return `${v}${units[i]}`;
}
