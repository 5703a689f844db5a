/**
 * The formatting helpers kubectl's output depends on: Go's text/tabwriter column alignment,
 * duration.HumanDuration ages, and Go time layouts. Written for the HPA views; nothing here is
 * HPA-specific.
 */
import { humanDurationSeconds as humanDuration, rfc1123z as rfc1123zAt, rfc3339 as rfc3339At } from '../../views/format';
import { pushAll } from '../../core/arrays';

export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/** kubectl get: printers.GetNewTabWriter. */
export const KUBECTL_GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** kubectl describe: tabbedString. */
export const KUBECTL_DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

const textWidth = (s: string): number => [...s].length;

/**
 * Aligns tab-separated cells like Go's tabwriter with a space pad character and no flags: a
 * column's width is set per block of consecutive lines that have a cell in it (the text after a
 * line's last tab is not a column cell), and a line without any tab flushes the buffer.
 */
export function goTabwriter(text: string, options: TabwriterOptions): string {
  const rawLines = text.split('\n');
  const trailingNewline = text.endsWith('\n');
  if (trailingNewline) rawLines.pop();
  const out: string[] = [];
  let pending: string[][] = [];
  const flush = () => {
    pushAll(out, formatBlock(pending, options));
    pending = [];
  };
  for (const line of rawLines) {
    const cells = line.split('\t');
    pending.push(cells);
    if (cells.length === 1) flush();
  }
  flush();
  return out.join('\n') + (trailingNewline ? '\n' : '');
}

function formatBlock(lines: string[][], options: TabwriterOptions): string[] {
  const rendered: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      rendered.push(lines[i].map((cell, j) => (j < widths.length ? cell + ' '.repeat(Math.max(0, widths[j] - textWidth(cell))) : cell)).join(''));
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      writeLines(start, current);
      start = current;
      let width = options.minwidth;
      for (; current < line1; current++) {
        if (column >= lines[current].length - 1) break;
        width = Math.max(width, textWidth(lines[current][column]) + options.padding);
      }
      widths.push(width);
      format(start, current);
      widths.pop();
      start = current;
    }
    writeLines(start, line1);
  };
  format(0, lines.length);
  return rendered;
}


export { humanDuration };

/** Wall-clock instant of sim time zero, used only to print timestamps. */
export const DEFAULT_SIM_EPOCH_MS = Date.UTC(2024, 0, 1, 0, 0, 0);


/** RFC 3339 in UTC with whole seconds, as metav1.Time marshals. */
export function rfc3339(simSeconds: number, epochMs = DEFAULT_SIM_EPOCH_MS): string {
  return rfc3339At(simSeconds, epochMs);
}

/** Go's time.RFC1123Z in UTC (kubectl describe). */
export function rfc1123z(simSeconds: number, epochMs = DEFAULT_SIM_EPOCH_MS): string {
  return rfc1123zAt(simSeconds, epochMs);
}
