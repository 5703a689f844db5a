/**
 * Plain-text and CSV renderings of scorecards for the CLI and for Export. English labels: this is
 * terminal and file output; the UI shows the same figures through its locale files.
 */
import type { Figure, FigureId, FigureUnit, Scorecard, ScorecardComparison } from './types';
import { maxOf } from '../core/arrays';

export const FIGURE_LABELS: Record<FigureId, string> = {
  offeredRequests: 'offered requests',
  servedRequests: 'served requests',
  droppedRequests: 'dropped requests',
  servedPercent: 'served / offered',
  timeAboveSlo: 'time above latency SLO',
  worstP95: 'worst p95 latency',
  pendingPodSeconds: 'pending pod-seconds',
  timeToCapacity: 'demand step to enough capacity',
  totalCost: 'total cost',
  peakCostPerHour: 'peak cost per hour',
  cpuRequestedPercent: 'CPU requested / allocatable',
  memoryRequestedPercent: 'memory requested / allocatable',
  evictions: 'evictions',
  nodesLaunched: 'nodes launched',
  nodesTerminated: 'nodes terminated',
};

export function formatValue(value: number | null, unit: FigureUnit, signed = false): string {
  if (value === null) return '-';
  const sign = signed && value > 0 ? '+' : '';
  switch (unit) {
    case 'usd':
      return `${sign}${value < 0 ? '-' : ''}$${Math.abs(value).toFixed(4)}`;
    case 'usdPerHour':
      return `${sign}${value < 0 ? '-' : ''}$${Math.abs(value).toFixed(4)}/h`;
    case 'percent':
      return `${sign}${value.toFixed(1)}%`;
    case 'seconds':
      return `${sign}${value}s`;
    case 'ms':
      return `${sign}${value}ms`;
    case 'podSeconds':
      return `${sign}${value} pod-s`;
    default:
      return `${sign}${value}`;
  }
}

const at = (f: Figure) => (f.atSeconds === null ? '' : ` @${clock(f.atSeconds)}`);
const note = (f: Figure) => (f.note ? ` (${f.note})` : '');

/** 90 → "1:30", 3725 → "1:02:05": the sim clock as the UI shows it. */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => maxOf(rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

export function formatScorecard(card: Scorecard): string {
  const rows = [['figure', card.scenario]];
  for (const f of card.figures) rows.push([FIGURE_LABELS[f.id], `${formatValue(f.value, f.unit)}${at(f)}${note(f)}`]);
  return `${table(rows)}\nlatency SLO: p95 <= ${card.sloMs}ms; @m:ss is the sim time that shows the figure\n`;
}

export function formatComparison(c: ScorecardComparison): string {
  const rows = [['figure', `A ${c.a.scenario}`, `B ${c.b.scenario}`, 'B - A', 'better']];
  for (const f of c.figures) {
    rows.push([
      FIGURE_LABELS[f.id],
      `${formatValue(f.a.value, f.unit)}${at(f.a)}${note(f.a)}`,
      `${formatValue(f.b.value, f.unit)}${at(f.b)}${note(f.b)}`,
      formatValue(f.difference, f.unit, true),
      f.winner === 'same' ? '=' : (f.winner ?? '').toUpperCase(),
    ]);
  }
  return `${table(rows)}\nlatency SLO: p95 <= ${c.sloMs}ms; @m:ss is the sim time that shows the figure\n`;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per figure: id, unit, A value, A time, B value, B time, difference, better. */
export function comparisonCsv(c: ScorecardComparison): string {
  const lines = [['figure', 'unit', 'a', 'a_at_seconds', 'a_note', 'b', 'b_at_seconds', 'b_note', 'b_minus_a', 'better'].join(',')];
  for (const f of c.figures) {
    lines.push(
      [f.id, f.unit, f.a.value, f.a.atSeconds, f.a.note ?? '', f.b.value, f.b.atSeconds, f.b.note ?? '', f.difference, f.winner ?? ''].map(csvCell).join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function scorecardCsv(card: Scorecard): string {
  const lines = [['figure', 'unit', 'value', 'at_seconds', 'note'].join(',')];
  for (const f of card.figures) lines.push([f.id, f.unit, f.value, f.atSeconds, f.note ?? ''].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}
