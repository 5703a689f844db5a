/**
 * A fast reader for the YAML that kubectl prints (go-yaml's block style: mappings, sequences,
 * plain/quoted scalars, literal and folded block scalars, `{}` and `[]`). The general `yaml`
 * library builds a full document model and takes seconds on a 5,000-pod List; this reads the same
 * subset line by line. Anything outside it (anchors, tags, flow collections with content,
 * multi-line quoted strings) throws Unsupported, and the caller falls back to the `yaml` library,
 * so results never differ (fastYaml.test.ts checks both on the fixtures).
 */
export class Unsupported extends Error {}

interface Line {
  indent: number;
  text: string;
  /** 1-based line number in the source, for messages. */
  no: number;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function plainScalar(s: string): unknown {
  if (NULLS.has(s)) return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (INT.test(s)) {
    const n = Number(s);
    if (!Number.isSafeInteger(n)) throw new Unsupported('big integer');
    return n;
  }
  if (FLOAT.test(s)) return Number(s);
  if (/^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$/.test(s) || /^0[xo]/.test(s)) throw new Unsupported('special number');
  if (/^[&*!|>%@`]/.test(s) || s.startsWith('{') || s.startsWith('[')) throw new Unsupported(`indicator ${s[0]}`);
  return s;
}

function stripComment(s: string): string {
  const i = s.indexOf(' #');
  return (i >= 0 ? s.slice(0, i) : s).trimEnd();
}

/** A scalar written on one line (after "key: " or "- "). */
function inlineScalar(raw: string): unknown {
  const s = raw.trim();
  if (s.startsWith('"')) {
    const end = s.lastIndexOf('"');
    if (end <= 0 || s.slice(end + 1).trim().replace(/^#.*/, '') !== '') throw new Unsupported('multi-line double-quoted string');
    try {
      return JSON.parse(s.slice(0, end + 1)) as unknown;
    } catch {
      throw new Unsupported('YAML-only escape');
    }
  }
  if (s.startsWith("'")) {
    const body = s.slice(1);
    const m = /^((?:[^']|'')*)'\s*(#.*)?$/.exec(body);
    if (!m) throw new Unsupported('multi-line single-quoted string');
    return m[1].replace(/''/g, "'");
  }
  if (s === '{}') return {};
  if (s === '[]') return [];
  return plainScalar(stripComment(s));
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#&*!|>%@`{}[\],-][^:#]*?|-[^\s:][^:#]*?)\s*:(?:\s+|$)/;

class Reader {
  i = 0;
  constructor(private lines: Line[]) {}

  /** The next non-blank line (blank lines matter only inside block scalars, which read raw lines). */
  peek(): Line | undefined {
    while (this.i < this.lines.length && this.lines[this.i].text === '') this.i++;
    return this.lines[this.i];
  }

  node(indent: number): unknown {
    const l = this.peek();
    if (!l || l.indent < indent) return null;
    if (l.text === '-' || l.text.startsWith('- ')) return this.sequence(l.indent);
    if (KEY.test(l.text)) return this.mapping(l.indent);
    this.i++;
    return this.folded(inlineScalar(l.text), l.indent - 1);
  }

  /** A plain scalar continued on more-indented lines (go-yaml wraps long strings). */
  folded(value: unknown, parentIndent: number): unknown {
    let next = this.peek();
    if (!next || next.indent <= parentIndent) return value;
    if (typeof value !== 'string') throw new Unsupported('continued non-string scalar');
    let s = value;
    while (next && next.indent > parentIndent && next.text !== '') {
      if (next.text.startsWith('"') || next.text.startsWith("'")) throw new Unsupported('quoted continuation');
      s += ` ${stripComment(next.text)}`;
      this.i++;
      next = this.peek();
    }
    return s;
  }

  sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let l = this.peek(); l && l.indent === indent && (l.text === '-' || l.text.startsWith('- ')); l = this.peek()) {
      if (l.text === '-') {
        this.i++;
        const next = this.peek();
        out.push(next && next.indent > indent ? this.node(next.indent) : null);
        continue;
      }
      // "- key: v" or "- - x" or "- scalar": the rest of the line is a node at a deeper column.
      const rest = l.text.slice(2);
      const pad = rest.length - rest.trimStart().length;
      this.lines[this.i] = { indent: indent + 2 + pad, text: rest.trimStart(), no: l.no };
      const inner = this.lines[this.i];
      if (inner.text.startsWith('- ') || inner.text === '-' || KEY.test(inner.text)) out.push(this.node(inner.indent));
      else {
        this.i++;
        out.push(this.folded(inlineScalar(inner.text), indent + 1));
      }
    }
    return out;
  }

  mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let l = this.peek(); l && l.indent === indent; l = this.peek()) {
      const m = KEY.exec(l.text);
      if (!m) {
        if (l.text === '-' || l.text.startsWith('- ')) break;
        throw new Unsupported(`line ${l.no}: expected a key`);
      }
      const rawKey = m[1];
      const k = rawKey.startsWith('"') ? (JSON.parse(rawKey) as string) : rawKey.startsWith("'") ? rawKey.slice(1, -1).replace(/''/g, "'") : rawKey;
      if (k === '<<') throw new Unsupported('merge key');
      const raw = l.text.slice(m[0].length);
      // Quoted scalars may contain " #"; inlineScalar strips comments from the others itself.
      const rest = raw.startsWith('"') || raw.startsWith("'") ? raw : stripComment(raw);
      this.i++;
      let value: unknown;
      if (rest === '') {
        const next = this.peek();
        if (next && next.indent > indent) value = this.node(next.indent);
        else if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) value = this.sequence(indent);
        else value = null;
      } else if (/^[|>][-+]?$/.test(rest)) {
        value = this.block(rest, indent);
      } else {
        value = this.folded(inlineScalar(rest), indent);
      }
      if (Object.prototype.hasOwnProperty.call(out, k)) throw new Unsupported(`duplicate key ${k}`);
      out[k] = value;
    }
    return out;
  }

  /** Literal (|) or folded (>) block scalar with strip (-), keep (+) or clip chomping. */
  block(header: string, indent: number): string {
    const raw: { indent: number; text: string }[] = [];
    while (this.i < this.lines.length) {
      const l = this.lines[this.i];
      if (l.text !== '' && l.indent <= indent) break;
      raw.push(l);
      this.i++;
    }
    const first = raw.find((r) => r.text !== '');
    const base = first ? first.indent : indent + 1;
    const body = raw.map((r) => (r.text === '' ? '' : ' '.repeat(r.indent - base) + r.text));
    let text: string;
    if (header[0] === '|') text = body.join('\n');
    else {
      if (body.some((b) => b.startsWith(' '))) throw new Unsupported('folded block with indented lines');
      text = body.reduce((acc, b, j) => (j === 0 ? b : b === '' ? `${acc}\n` : acc.endsWith('\n') || acc === '' ? acc + b : `${acc} ${b}`), '');
    }
    const trimmed = text.replace(/\n+$/, '');
    if (header.endsWith('-')) return trimmed;
    if (header.endsWith('+')) return `${text}\n`;
    return trimmed === '' ? '' : `${trimmed}\n`;
  }
}

/** A document's value and where its last line ends (1-based), where a cut-off paste stops. */
export interface FastDocument {
  value: unknown;
  end: { line: number; col: number };
}

export function fastParseAll(text: string): unknown[] {
  return fastParseDocuments(text).map((d) => d.value);
}

/** Split into documents at `---`; each document's lines without comments and blank lines kept for block scalars. */
export function fastParseDocuments(text: string): FastDocument[] {
  if (text.includes('\t')) throw new Unsupported('tab');
  const docs: Line[][] = [[]];
  const src = text.split('\n');
  for (let n = 0; n < src.length; n++) {
    const rawLine = src[n].replace(/\r$/, '');
    if (rawLine === '---' || rawLine.startsWith('--- ')) {
      if (rawLine.length > 3 && rawLine.slice(4).trim() !== '' && !rawLine.slice(4).trim().startsWith('#')) throw new Unsupported('content after ---');
      docs.push([]);
      continue;
    }
    if (rawLine === '...') continue;
    if (rawLine.startsWith('%')) throw new Unsupported('directive');
    const trimmed = rawLine.trimStart();
    if (trimmed.startsWith('#')) continue;
    docs[docs.length - 1].push({ indent: rawLine.length - trimmed.length, text: trimmed.trimEnd(), no: n + 1 });
  }
  const out: FastDocument[] = [];
  for (const lines of docs) {
    while (lines.length > 0 && lines[lines.length - 1].text === '') lines.pop();
    const r = new Reader(lines);
    if (!r.peek()) continue;
    const v = r.node(r.peek()!.indent);
    if (r.peek()) throw new Unsupported(`line ${r.peek()!.no}: unexpected content`);
    const last = lines[lines.length - 1];
    out.push({ value: v, end: { line: last.no, col: last.indent + last.text.length + 1 } });
  }
  return out;
}
