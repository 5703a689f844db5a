// Parser for kubectl's JSONPath dialect, following k8s.io/client-go util/jsonpath/parser.go.
// The grammar is a character-level scanner rather than a real grammar, and its quirks are what
// users see (e.g. `['a.b']` still splits on the dot, `["a"]` is an invalid index), so the scanner
// is reproduced step for step instead of being replaced with a cleaner one.

export type JsonPathError = { ok: false; error: string };

/** Bounds that upstream does not have; they keep a pasted template from stalling the tab. */
export const MAX_TEMPLATE_LENGTH = 4096;
export const MAX_DEPTH = 64;
export const TOO_LONG = `jsonpath template is longer than ${MAX_TEMPLATE_LENGTH} characters`;
export const TOO_DEEP = `jsonpath recursion is deeper than ${MAX_DEPTH} levels`;
/** Unions and nested ranges multiply results; this caps the values one evaluation may produce. */
export const MAX_WORK = 20_000_000;
export const TOO_MUCH = `jsonpath evaluation produced more than ${MAX_WORK} values`;

export type Param = { value: number; known: boolean; derived: boolean };
export type ListNode = { kind: 'list'; nodes: Node[] };
export type Node =
  | ListNode
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'ident'; name: string }
  | { kind: 'array'; params: readonly [Param, Param, Param] }
  | { kind: 'filter'; left: ListNode; right: ListNode; op: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'union'; lists: ListNode[] };

/** Parses a whole template; the top level holds text nodes and one list node per `{…}` action. */
export function parseTemplate(template: string): { ok: true; nodes: Node[] } | JsonPathError {
  if (template.length > MAX_TEMPLATE_LENGTH) return { ok: false, error: TOO_LONG };
  const p = new Parser(template, 0);
  const error = p.parse();
  return error === undefined ? { ok: true, nodes: p.root } : { ok: false, error };
}

/**
 * kubectl's RelaxedJSONPathExpression (pkg/cmd/get/customcolumn.go): `a.b`, `.a.b`, `{a.b}` and
 * `{.a.b}` all become `{.a.b}`; anything with inner braces is rejected (undefined).
 */
export function relaxedJsonPathExpression(expr: string): string | undefined {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) return undefined;
  return `{.${m[1] || m[2] || ''}}`;
}

export const RELAXED_ERROR =
  "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";

const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string) => r === '' || ' \t\r\n.,[]$@{}'.includes(r);
const text = (t: string): Node => ({ kind: 'text', text: t });
const unknownParam = (): Param => ({ value: 0, known: false, derived: false });
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi on a 64-bit platform: ASCII digits with an optional sign, in int64 range. */
function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const b = BigInt(s);
  return b < INT64_MIN || b > INT64_MAX ? undefined : Number(b);
}

/** Go's `%#U`: `U+002A '*'`, the quoted rune only when strconv.IsPrint would allow it. */
export function goRuneU(r: string): string {
  const cp = r.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}

class Parser {
  readonly root: Node[] = [];
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(
    private readonly input: string,
    private readonly depth: number,
  ) {}

  /** Next code point, or '' at the end (Go's eof), remembering its width for backup(). */
  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return '';
    }
    this.width = (this.input.codePointAt(this.pos) ?? 0) > 0xffff ? 2 : 1;
    this.pos += this.width;
    return this.input.slice(this.pos - this.width, this.pos);
  }
  private backup() {
    this.pos -= this.width;
  }
  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }
  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }
  private has(prefix: string) {
    return this.input.startsWith(prefix, this.pos);
  }

  parse(): string | undefined {
    for (;;) {
      if (this.has('{')) {
        if (this.pos > this.start) this.root.push(text(this.consume()));
        this.pos += 1;
        this.consume();
        const list: ListNode = { kind: 'list', nodes: [] };
        this.root.push(list);
        const err = this.parseInsideAction(list);
        if (err !== undefined) return err;
        continue;
      }
      if (this.next() === '') break;
    }
    if (this.pos > this.start) this.root.push(text(this.consume()));
    return undefined;
  }

  private parseInsideAction(cur: ListNode): string | undefined {
    for (;;) {
      if (this.has('}')) {
        this.pos += 1;
        this.consume();
        return undefined;
      }
      let err: string | undefined;
      if (this.has('[?(')) err = this.parseFilter(cur);
      else if (this.has('..')) err = this.parseRecursive(cur);
      else {
        const r = this.next();
        if (r === '' || r === '\r' || r === '\n') return 'unclosed action';
        if (r === ' ' || r === '@' || r === '$') {
          this.consume();
          continue;
        }
        if (r === '[') err = this.parseArray(cur);
        else if (r === '"' || r === "'") err = this.parseQuote(cur, r);
        else if (r === '.') err = this.parseField(cur);
        else if (r === '+' || r === '-' || isDigit(r)) {
          this.backup();
          err = this.parseNumber(cur);
        } else if (isAlphaNumeric(r)) {
          this.backup();
          err = this.parseIdentifier(cur);
        } else return `unrecognized character in action: ${goRuneU(r)}`;
      }
      if (err !== undefined) return err;
    }
  }

  private parseIdentifier(cur: ListNode): string | undefined {
    for (;;) {
      if (isTerminator(this.next())) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ kind: 'bool', value: value === 'true' });
    else cur.nodes.push({ kind: 'ident', name: value });
    return undefined;
  }

  private parseRecursive(cur: ListNode): string | undefined {
    if (cur.nodes[cur.nodes.length - 1]?.kind === 'recursive') return 'invalid multiple recursive descent';
    this.pos += 2;
    this.consume();
    cur.nodes.push({ kind: 'recursive' });
    return isAlphaNumeric(this.peek()) ? this.parseField(cur) : undefined;
  }

  private parseNumber(cur: ListNode): string | undefined {
    const sign = this.peek();
    if (sign === '+' || sign === '-') this.next();
    for (;;) {
      const r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    const i = goAtoi(value);
    if (i !== undefined) {
      cur.nodes.push({ kind: 'int', value: i });
      return undefined;
    }
    // strconv.ParseFloat, restricted to what the scanner above can hand it.
    const f = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value) ? Number(value) : NaN;
    if (Number.isFinite(f)) {
      cur.nodes.push({ kind: 'float', value: f });
      return undefined;
    }
    return `cannot parse number ${value}`;
  }

  private parseArray(cur: ListNode): string | undefined {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') return 'unterminated array';
      if (r === ']') break;
    }
    let body = this.consume().slice(1, -1);
    if (body === '*') body = ':';

    const parts = body.split(',');
    if (parts.length > 1) {
      const lists: ListNode[] = [];
      for (const part of parts) {
        const sub = parseAction(`[${part.replace(/^ +| +$/g, '')}]`, this.depth + 1);
        if (!sub.ok) return sub.error;
        lists.push(sub.list);
      }
      cur.nodes.push({ kind: 'union', lists });
      return undefined;
    }

    // Only single quotes make a key, and its text is re-parsed as `.key`, so dots still split it
    // unless escaped: `['kubernetes\.io/hostname']`.
    const dict = /^'([^']*)'$/.exec(body);
    if (dict) {
      const sub = parseAction(`.${dict[1]}`, this.depth + 1);
      if (!sub.ok) return sub.error;
      for (const n of sub.list.nodes) cur.nodes.push(n);
      return undefined;
    }

    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(body);
    if (!m) return `invalid array index ${body}`;
    const params: [Param, Param, Param] = [unknownParam(), unknownParam(), unknownParam()];
    for (let i = 0; i < 3; i++) {
      let s = m[i + 1] ?? '';
      if (s !== '') {
        if (i > 0) s = s.slice(1);
        if (i > 0 && s === '') continue;
        const n = goAtoi(s);
        if (n === undefined) return `array index ${s} is not a number`;
        params[i] = { value: n, known: true, derived: false };
      } else if (i === 1) {
        // `[n]` is the slice `[n:n+1]`; `derived` lets `[-1]` wrap its end to the length.
        params[1] = { value: params[0].value + 1, known: true, derived: true };
      }
    }
    cur.nodes.push({ kind: 'array', params });
    return undefined;
  }

  private parseFilter(cur: ListNode): string | undefined {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') return 'unterminated filter';
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
        } else if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') return 'unclosed array expect ]';
    const body = this.consume().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(body);
    if (!m) {
      const sub = parseAction(body, this.depth + 1);
      if (!sub.ok) return sub.error;
      cur.nodes.push({ kind: 'filter', left: sub.list, right: { kind: 'list', nodes: [] }, op: 'exists' });
      return undefined;
    }
    const left = parseAction(m[1], this.depth + 1);
    if (!left.ok) return left.error;
    const right = parseAction(m[3], this.depth + 1);
    if (!right.ok) return right.error;
    cur.nodes.push({ kind: 'filter', left: left.list, right: right.list, op: m[2] });
    return undefined;
  }

  private parseQuote(cur: ListNode, quote: string): string | undefined {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') return 'unterminated quoted string';
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    const s = unquoteExtend(value);
    if (s === undefined) return `unquote string ${value} error invalid syntax`;
    cur.nodes.push(text(s));
    return undefined;
  }

  private parseField(cur: ListNode): string | undefined {
    this.consume();
    while (this.advance());
    const value = this.consume();
    cur.nodes.push(
      value === '*' ? { kind: 'wildcard' } : { kind: 'field', name: value.replaceAll('\\', '') },
    );
    return undefined;
  }

  /** One step of a field name; a backslash makes the next character (even a dot) part of it. */
  private advance(): boolean {
    const r = this.next();
    if (r === '\\') this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** Upstream's parseAction: parses `{text}` on its own and returns that action's node list. */
function parseAction(body: string, depth: number): { ok: true; list: ListNode } | JsonPathError {
  if (depth > MAX_DEPTH) return { ok: false, error: TOO_DEEP };
  const p = new Parser(`{${body}}`, depth);
  const error = p.parse();
  if (error !== undefined) return { ok: false, error };
  const first = p.root[0];
  return first?.kind === 'list' ? { ok: true, list: first } : { ok: false, error: 'unclosed action' };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** UnquoteExtend: strconv.Unquote that also takes single-quoted strings; undefined = ErrSyntax. */
function unquoteExtend(s: string): string | undefined {
  const quote = s[0];
  if (s.length < 2 || quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  let rest = s.slice(1, -1);
  if (!rest.includes('\\') && !rest.includes(quote)) return rest;
  let out = '';
  while (rest.length > 0) {
    const c = rest[0];
    if (c === quote) return undefined;
    if (c !== '\\') {
      const cp = String.fromCodePoint(rest.codePointAt(0) ?? 0);
      out += cp;
      rest = rest.slice(cp.length);
      continue;
    }
    if (rest.length < 2) return undefined;
    const e = rest[1];
    rest = rest.slice(2);
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e === "'" || e === '"') {
      if (e !== quote) return undefined;
      out += e;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = rest.slice(0, n);
      if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const v = parseInt(hex, 16);
      if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v < 0xe000))) return undefined;
      out += String.fromCodePoint(v);
      rest = rest.slice(n);
    } else if (e >= '0' && e <= '7') {
      const oct = e + rest.slice(0, 2);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      rest = rest.slice(2);
    } else return undefined;
  }
  return out;
}
