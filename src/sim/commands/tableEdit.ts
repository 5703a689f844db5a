import { maxOf } from '../core/arrays';
/** Edits of a kubectl table already printed (columns padded, three spaces apart). */

/** Add a column at the front, or at the end, whose cells follow the rows in order. */
export function withColumn(text: string, header: string, values: string[], atEnd = false): string {
  const lines = text.split('\n');
  const cells = [header, ...values];
  if (atEnd) {
    const width = maxOf(lines.map((l) => l.length)) + 3;
    return lines.map((line, i) => `${line.padEnd(width)}${cells[i] ?? ''}`.trimEnd()).join('\n');
  }
  const width = maxOf(cells.map((c) => c.length)) + 3;
  return lines.map((line, i) => `${(cells[i] ?? '').padEnd(width)}${line}`.trimEnd()).join('\n');
}

/** Where the second column starts (the first column's padded width), or the line length if there is one column. */
function firstColumnWidth(header: string): number {
  const m = /^\S+ {3,}/.exec(header);
  return m ? m[0].length : header.length;
}

/**
 * Replace the first column's cells (kubectl's `kind/name` NAME when several types are listed).
 * Only the table is touched: lines after its first blank line (notes some kinds print) stay as they are.
 */
export function renameFirstColumn(text: string, rename: (cell: string) => string): string {
  const all = text.split('\n');
  const blank = all.indexOf('');
  const lines = blank < 0 ? all : all.slice(0, blank);
  const after = blank < 0 ? [] : all.slice(blank);
  const width = firstColumnWidth(lines[0]);
  const firsts = lines.map((l, i) => (i === 0 ? l.slice(0, width).trimEnd() : rename(l.slice(0, width).trimEnd())));
  const rests = lines.map((l) => l.slice(width));
  const newWidth = maxOf(firsts.map((c) => c.length)) + 3;
  const renamed = lines.map((_, i) => (rests[i] === '' ? firsts[i] : `${firsts[i].padEnd(newWidth)}${rests[i]}`));
  return [...renamed, ...after].join('\n');
}

export function withoutHeader(text: string): string {
  return text.split('\n').slice(1).join('\n');
}
