import { parser as promQlParser } from '@prometheus-io/lezer-promql';
import { maxOf, minOf } from '../../core/arrays';
/**
 * A small PromQL subset over the playground's own series, enough for the queries people put in
 * KEDA's prometheus trigger: selectors with label matchers, `rate`/`irate`/`increase` over a
 * window, `sum`/`avg`/`max`/`min`/`count` (with `by`/`without`, which only group), `histogram_quantile`,
 * numbers, + - * / and parentheses. Pure: the series come in as data (see promSeries.ts).
 *
 * Every query is first checked with Prometheus's own grammar (promQlSyntaxError); a valid query
 * outside this subset is refused by the evaluator with its reason.
 *
 * Range functions (rate, irate, increase, avg_over_time) read the samples promHistory.ts keeps,
 * so they honour their window.
 */

export interface PromSample {
  labels: Record<string, string>;
  /** A gauge's value, or a counter's per-second rate (counters are only readable through rate()). */
  value: number;
  counter?: boolean;
  /** For *_bucket series: the latency distribution, so histogram_quantile can answer. */
  latency?: { p50Seconds: number; p95Seconds: number };
  /** Kept samples (promHistory.ts): times in ms, counters as cumulative counts; nowMs = evaluation time. */
  history?: { t: readonly number[]; v: readonly number[]; nowMs: number };
}

export type PromSeries = Record<string, PromSample[]>;

type Value =
  | { kind: 'scalar'; value: number }
  | { kind: 'vector'; samples: PromSample[]; range?: number };

export type PromResult = { ok: true; value: number | undefined; explanation: string } | { ok: false; error: string };

type Token = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'str'; v: string } | { t: 'dur'; v: number } | { t: 'op'; v: string };

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '[') {
      const end = src.indexOf(']', i);
      if (end < 0) throw new Error('unclosed [');
      const text = src.slice(i + 1, end).trim();
      let seconds = 0;
      for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) seconds += Number(m[1]) * DURATION_UNITS[m[2]];
      if (seconds <= 0) throw new Error(`bad range duration [${text}]`);
      out.push({ t: 'dur', v: seconds });
      i = end + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new Error('unclosed string');
      out.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_:][A-Za-z0-9_:]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(=~|!~|!=|==|[=(){},+\-*/])/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new Error(`unexpected character "${c}"`);
  }
  return out;
}

const AGGREGATIONS = new Set(['sum', 'avg', 'max', 'min', 'count']);
const FUNCTIONS = new Set(['rate', 'irate', 'increase', 'avg_over_time', 'histogram_quantile', 'abs', 'ceil', 'floor', 'round', 'scalar', 'vector']);

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly series: PromSeries,
  ) {}

  parse(): Value {
    const v = this.expr();
    if (this.pos < this.tokens.length) throw new Error(`unexpected ${JSON.stringify(this.tokens[this.pos].v)}`);
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === 'op' && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new Error(`expected "${v}"`);
    this.pos++;
  }

  private expr(): Value {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.pos++] as { v: string }).v;
      left = binary(op, left, this.term());
    }
    return left;
  }

  private term(): Value {
    let left = this.factor();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.tokens[this.pos++] as { v: string }).v;
      left = binary(op, left, this.factor());
    }
    return left;
  }

  private grouping(): void {
    const t = this.peek();
    if (t?.t === 'id' && (t.v === 'by' || t.v === 'without')) {
      this.pos++;
      this.expect('(');
      while (!this.isOp(')')) this.pos++;
      this.expect(')');
    }
  }

  private factor(): Value {
    const t = this.peek();
    if (!t) throw new Error('unexpected end of query');
    if (t.t === 'num') {
      this.pos++;
      return { kind: 'scalar', value: t.v };
    }
    if (t.t === 'op' && t.v === '-') {
      this.pos++;
      return binary('*', { kind: 'scalar', value: -1 }, this.factor());
    }
    if (t.t === 'op' && t.v === '(') {
      this.pos++;
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if (t.t !== 'id') throw new Error(`unexpected ${JSON.stringify(t.v)}`);
    this.pos++;
    if (AGGREGATIONS.has(t.v)) {
      this.grouping();
      this.expect('(');
      const inner = this.expr();
      this.expect(')');
      this.grouping();
      return aggregate(t.v, inner);
    }
    if (FUNCTIONS.has(t.v) && this.isOp('(')) {
      this.pos++;
      const args: Value[] = [this.expr()];
      while (this.isOp(',')) {
        this.pos++;
        args.push(this.expr());
      }
      this.expect(')');
      return call(t.v, args);
    }
    // The grammar already accepted the query, so a name followed by "(" is one of Prometheus's
    // functions (avg_over_time, delta, …) that this evaluator does not have.
    if (this.isOp('(')) throw new Error(`function ${t.v}() is valid PromQL but not simulated by the playground`);
    return this.selector(t.v);
  }

  private selector(name: string): Value {
    const matchers: { label: string; op: string; value: string }[] = [];
    if (this.isOp('{')) {
      this.pos++;
      while (!this.isOp('}')) {
        const label = this.tokens[this.pos++];
        const op = this.tokens[this.pos++];
        const value = this.tokens[this.pos++];
        if (label?.t !== 'id' || op?.t !== 'op' || value?.t !== 'str') throw new Error(`bad label matcher in ${name}{…}`);
        matchers.push({ label: label.v, op: op.v, value: value.v });
        if (this.isOp(',')) this.pos++;
      }
      this.expect('}');
    }
    const known = this.series[name];
    if (!known) throw new Error(`unknown series ${name} (the playground serves ${Object.keys(this.series).sort().join(', ')})`);
    const samples = known.filter((s) => matchers.every((m) => matches(s.labels[m.label] ?? '', m.op, m.value)));
    const next = this.peek();
    if (next?.t === 'dur') {
      this.pos++;
      return { kind: 'vector', samples, range: next.v };
    }
    return { kind: 'vector', samples };
  }
}

function matches(actual: string, op: string, expected: string): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '=~':
      return new RegExp(`^(?:${expected})$`).test(actual);
    case '!~':
      return !new RegExp(`^(?:${expected})$`).test(actual);
    default:
      throw new Error(`unknown matcher ${op}`);
  }
}

function binary(op: string, a: Value, b: Value): Value {
  const f = (x: number, y: number) => (op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y);
  if (a.kind === 'scalar' && b.kind === 'scalar') return { kind: 'scalar', value: f(a.value, b.value) };
  if (a.kind === 'vector' && b.kind === 'scalar') return { kind: 'vector', samples: a.samples.map((s) => ({ ...s, value: f(s.value, b.value) })) };
  if (a.kind === 'scalar' && b.kind === 'vector') return { kind: 'vector', samples: b.samples.map((s) => ({ ...s, value: f(a.value, s.value) })) };
  const va = a as Extract<Value, { kind: 'vector' }>;
  const vb = b as Extract<Value, { kind: 'vector' }>;
  // One-to-one matching on identical label sets, which is what aggregated operands reduce to.
  const key = (s: PromSample) => JSON.stringify(Object.entries(s.labels).sort());
  const right = new Map(vb.samples.map((s) => [key(s), s]));
  return {
    kind: 'vector',
    samples: va.samples.flatMap((s) => {
      const other = right.get(key(s));
      return other ? [{ labels: s.labels, value: f(s.value, other.value) }] : [];
    }),
  };
}

function instant(v: Value, fn: string): PromSample[] {
  if (v.kind !== 'vector') throw new Error(`${fn}: expected an instant vector`);
  if (v.range !== undefined) throw new Error(`${fn}: expected an instant vector, got a range vector`);
  for (const s of v.samples) if (s.counter) throw new Error(`${fn}: a counter needs rate() first`);
  return v.samples;
}

function aggregate(op: string, inner: Value): Value {
  const samples = instant(inner, op);
  if (samples.length === 0) return { kind: 'vector', samples: [] };
  const values = samples.map((s) => s.value);
  const value =
    op === 'sum' ? values.reduce((a, b) => a + b, 0)
    : op === 'avg' ? values.reduce((a, b) => a + b, 0) / values.length
    : op === 'max' ? maxOf(values)
    : op === 'min' ? minOf(values)
    : values.length;
  // Latency distributions of several targets merge by their worst tail: conservative, and exact for one.
  const withLatency = samples.filter((s) => s.latency);
  const latency = withLatency.length
    ? { p50Seconds: maxOf(withLatency.map((s) => s.latency!.p50Seconds)), p95Seconds: maxOf(withLatency.map((s) => s.latency!.p95Seconds)) }
    : undefined;
  return { kind: 'vector', samples: [{ labels: {}, value, ...(latency ? { latency } : {}) }] };
}

/** Quantile q of a sojourn time whose queueing part is exponential: fitted through p50 and p95. */
export function latencyQuantile(q: number, p50: number, p95: number): number {
  if (q <= 0) return 0;
  const tail = (x: number) => -Math.log(1 - Math.min(x, 0.999999));
  const queueing = p95 > p50 ? (p95 - p50) / (tail(0.95) - tail(0.5)) : 0;
  const service = Math.max(0, p50 - queueing * tail(0.5));
  return service + queueing * tail(q);
}

/** The kept points inside (now − window, now], as Prometheus selects a range. */
function windowPoints(h: NonNullable<PromSample['history']>, windowSeconds: number): { t: number[]; v: number[] } {
  const from = h.nowMs - windowSeconds * 1000;
  const t: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < h.t.length; i++) {
    if (h.t[i] > from && h.t[i] <= h.nowMs) {
      t.push(h.t[i]);
      v.push(h.v[i]);
    }
  }
  return { t, v };
}

/**
 * rate/increase: the per-second slope between the first and last points of the window (with
 * regular scrapes Prometheus's extrapolation to the window's edges gives the same rate), increase
 * = rate × window; irate: the last two points. Fewer than two points: no result, as in Prometheus.
 * Without kept history (pure unit use) the series' current rate stands in.
 */
function rangeRate(fn: string, s: PromSample, windowSeconds: number): PromSample[] {
  if (!s.history) return [{ ...s, counter: false, value: fn === 'increase' ? s.value * windowSeconds : s.value }];
  const { t, v } = windowPoints(s.history, windowSeconds);
  if (t.length < 2) return [];
  const n = t.length;
  const [i0, i1] = fn === 'irate' ? [n - 2, n - 1] : [0, n - 1];
  const perSecond = (v[i1] - v[i0]) / ((t[i1] - t[i0]) / 1000);
  const value = fn === 'increase' ? perSecond * windowSeconds : perSecond;
  return [{ labels: s.labels, value, ...(s.latency ? { latency: s.latency } : {}) }];
}

function call(fn: string, args: Value[]): Value {
  const [a, b] = args;
  switch (fn) {
    case 'rate':
    case 'irate':
    case 'increase': {
      if (a.kind !== 'vector' || a.range === undefined) throw new Error(`${fn}: expected a range vector such as x[1m]`);
      const window = a.range;
      return { kind: 'vector', samples: a.samples.flatMap((s) => rangeRate(fn, s, window)) };
    }
    case 'avg_over_time': {
      if (a.kind !== 'vector' || a.range === undefined) throw new Error(`${fn}: expected a range vector such as x[5m]`);
      const window = a.range;
      return {
        kind: 'vector',
        samples: a.samples.flatMap((s) => {
          if (!s.history) {
            if (s.counter) throw new Error(`${fn}: a counter needs rate() first`);
            return [{ labels: s.labels, value: s.value }];
          }
          const pts = windowPoints(s.history, window);
          return pts.v.length === 0 ? [] : [{ labels: s.labels, value: pts.v.reduce((x, y) => x + y, 0) / pts.v.length }];
        }),
      };
    }
    case 'histogram_quantile': {
      if (a.kind !== 'scalar' || !b) throw new Error('histogram_quantile(q, buckets): q must be a number');
      const q = a.value;
      return {
        kind: 'vector',
        samples: instant(b, fn).flatMap((s) => (s.latency ? [{ labels: {}, value: latencyQuantile(q, s.latency.p50Seconds, s.latency.p95Seconds) }] : [])),
      };
    }
    case 'scalar': {
      const s = instant(a, fn);
      return { kind: 'scalar', value: s.length === 1 ? s[0].value : Number.NaN };
    }
    case 'vector':
      if (a.kind !== 'scalar') throw new Error('vector(): expected a number');
      return { kind: 'vector', samples: [{ labels: {}, value: a.value }] };
    default: {
      const g = fn === 'abs' ? Math.abs : fn === 'ceil' ? Math.ceil : fn === 'floor' ? Math.floor : Math.round;
      if (a.kind === 'scalar') return { kind: 'scalar', value: g(a.value) };
      return { kind: 'vector', samples: instant(a, fn).map((s) => ({ ...s, value: g(s.value) })) };
    }
  }
}

/**
 * Evaluate `query` as KEDA's prometheus scaler reads it: a scalar, or a vector of exactly one
 * element; an empty vector is "no data" (value undefined), more than one element is an error.
 */
export function evaluatePromQl(query: string, series: PromSeries): PromResult {
  const syntax = promQlSyntaxError(query);
  if (syntax) return { ok: false, error: `prometheus query ${query}: ${syntax}` };
  let v: Value;
  try {
    v = new Parser(tokenize(query), series).parse();
  } catch (err) {
    return { ok: false, error: `prometheus query ${query}: ${(err as Error).message}` };
  }
  if (v.kind === 'scalar') return { ok: true, value: v.value, explanation: `${query} = ${v.value}` };
  if (v.range !== undefined) return { ok: false, error: `prometheus query ${query}: a range vector needs rate() or increase()` };
  if (v.samples.some((s) => s.counter)) return { ok: false, error: `prometheus query ${query}: a counter needs rate() first` };
  if (v.samples.length === 0) return { ok: true, value: undefined, explanation: `${query}: empty result` };
  if (v.samples.length > 1) return { ok: false, error: `prometheus query ${query} returned multiple elements` };
  return { ok: true, value: v.samples[0].value, explanation: `${query} = ${v.samples[0].value}` };
}

/**
 * Syntax check with the Prometheus project's own grammar (@prometheus-io/lezer-promql, the parser
 * behind Prometheus's UI), so any query Prometheus parses gets past here and one it rejects is
 * refused with its position, as Prometheus prints it: "1:16: parse error: …". Undefined on success.
 */
export function promQlSyntaxError(query: string): string | undefined {
  if (query.trim() === '') return '1:1: parse error: no expression found in input';
  const tree = promQlParser.parse(query);
  let at = -1;
  tree.iterate({
    enter: (node) => {
      if (at >= 0) return false;
      if (node.type.isError) at = node.from;
      return undefined;
    },
  });
  if (at < 0) return undefined;
  const rest = query.slice(at).trimStart();
  const token = /^([A-Za-z_:][A-Za-z0-9_:]*|\d+(\.\d+)?|.)/.exec(rest)?.[0];
  const col = query.length - rest.length + 1;
  return token === undefined
    ? `1:${col}: parse error: unexpected end of input`
    : `1:${col}: parse error: unexpected ${JSON.stringify(token)}`;
}

