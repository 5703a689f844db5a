// Evaluator for kubectl's JSONPath, following k8s.io/client-go util/jsonpath/jsonpath.go
// (FindResults, walk and the eval* steps) and its forked text/template comparisons.
import {
  GoNum,
  INVALID,
  LimitExceeded,
  children,
  compareGoStrings,
  goSprint,
  goTypeName,
  isInt64,
  isMap,
  type JsonMap,
} from './jsonPathGo';
import {
  MAX_DEPTH,
  MAX_WORK,
  TOO_DEEP,
  TOO_MUCH,
  type ListNode,
  type Node,
  type Param,
} from './jsonPathParse';

type Out = { values: unknown[]; error?: string };
export type Results = { ok: true; results: unknown[][] } | { ok: false; error: string };
const hasOwn = (m: JsonMap, k: string) => Object.prototype.hasOwnProperty.call(m, k);

// --- comparisons, as text/template's eq/lt (client-go third_party/forked/golang/template/funcs.go)

type Kind = 'bool' | 'int' | 'uint' | 'float' | 'string';
function basicKind(v: unknown): Kind | undefined {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isInt64(v) ? 'int' : 'float';
  if (v instanceof GoNum) return v.type === 'int' ? 'int' : v.type === 'uint8' ? 'uint' : 'float';
  return undefined;
}
const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';
type Cmp = { pass: boolean; error?: string };
const num = (v: unknown) => (v instanceof GoNum ? v.value : (v as number));

function goEqual(a: unknown, b: unknown): Cmp {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (!ka || !kb) return { pass: false, error: BAD_TYPE };
  if (ka !== kb) {
    // Signed and unsigned integers may meet; any other mix is an error.
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int'))
      return { pass: num(a) === num(b) };
    return { pass: false, error: INCOMPATIBLE };
  }
  return { pass: ka === 'string' || ka === 'bool' ? a === b : num(a) === num(b) };
}

function goLess(a: unknown, b: unknown): Cmp {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (!ka || !kb) return { pass: false, error: BAD_TYPE };
  if (ka !== kb) {
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return { pass: num(a) < num(b) };
    return { pass: false, error: INCOMPATIBLE };
  }
  if (ka === 'bool') return { pass: false, error: BAD_TYPE };
  if (ka === 'string') return { pass: compareGoStrings(a as string, b as string) < 0 };
  return { pass: num(a) < num(b) };
}

function compare(op: string, a: unknown, b: unknown): Cmp | undefined {
  const lessEqual = (): Cmp => {
    const lt = goLess(a, b);
    return lt.pass || lt.error ? lt : goEqual(a, b);
  };
  const not = (c: Cmp): Cmp => (c.error ? { pass: false, error: c.error } : { pass: !c.pass });
  switch (op) {
    case '<':
      return goLess(a, b);
    case '>':
      return not(lessEqual());
    case '==':
      return goEqual(a, b);
    case '!=':
      return not(goEqual(a, b));
    case '<=':
      return lessEqual();
    case '>=':
      return not(goLess(a, b));
    default:
      return undefined;
  }
}

// --- evaluation

type Ctx = {
  nodes: Node[];
  beginRange: number;
  inRange: number;
  endRange: number;
  lastEnd: number;
  work: number;
};

/**
 * FindResults: one result list per top-level node, with `{range}…{end}` replaying the nodes in
 * between once per element. The counters mirror upstream's, quirks included (an unclosed range
 * replays the rest of the template, then runs it once more against the document).
 */
export function findResults(nodes: Node[], data: unknown): Results {
  const ctx: Ctx = { nodes, beginRange: 0, inRange: 0, endRange: 0, lastEnd: -1, work: 0 };
  return findFrom(ctx, data === null || data === undefined ? INVALID : data, 0, 0);
}

function findFrom(ctx: Ctx, data: unknown, start: number, depth: number): Results {
  if (depth > MAX_DEPTH) return { ok: false, error: TOO_DEEP };
  const cur = [data];
  const full: unknown[][] = [];
  for (let i = start; i < ctx.nodes.length; i++) {
    const out = walk(ctx, cur, ctx.nodes[i], 0);
    if (out.error !== undefined) return { ok: false, error: out.error };
    if (ctx.endRange > 0 && ctx.endRange <= ctx.inRange) {
      ctx.endRange--;
      ctx.lastEnd = i;
      break;
    }
    if (ctx.beginRange > 0) {
      ctx.beginRange--;
      ctx.inRange++;
      // An empty range still walks its body (on nothing) so that its {end} is found.
      const items = out.values.length > 0 ? out.values : [INVALID];
      for (const item of items) {
        const nested = findFrom(ctx, item === null ? INVALID : item, i + 1, depth + 1);
        if (!nested.ok) return nested;
        if (out.values.length > 0) for (const r of nested.results) full.push(r);
      }
      ctx.inRange--;
      for (let k = i + 1; k < ctx.nodes.length; k++) {
        if (k === ctx.lastEnd) {
          i = k;
          break;
        }
      }
      continue;
    }
    full.push(out.values);
  }
  return { ok: true, results: full };
}

function evalList(ctx: Ctx, input: unknown[], list: ListNode, depth: number): Out {
  let cur = input;
  for (const node of list.nodes) {
    const out = walk(ctx, cur, node, depth);
    if (out.error !== undefined) return out;
    cur = out.values;
  }
  return { values: cur };
}

function walk(ctx: Ctx, input: unknown[], node: Node, depth: number): Out {
  if (depth > MAX_DEPTH) throw new LimitExceeded(TOO_DEEP);
  const out = walkNode(ctx, input, node, depth);
  ctx.work += 1 + out.values.length;
  if (ctx.work > MAX_WORK) throw new LimitExceeded(TOO_MUCH);
  return out;
}

function walkNode(ctx: Ctx, input: unknown[], node: Node, depth: number): Out {
  switch (node.kind) {
    case 'list':
      return evalList(ctx, input, node, depth + 1);
    case 'text':
      return { values: [node.text] };
    case 'int':
      return { values: input.map(() => new GoNum(node.value, 'int')) };
    case 'float':
      return { values: input.map(() => new GoNum(node.value, 'float64')) };
    case 'bool':
      return { values: input.map(() => node.value) };
    case 'field': {
      // kubectl always allows missing keys here (-o jsonpath, custom-columns and --sort-by).
      const values: unknown[] = [];
      for (const v of input) if (isMap(v) && hasOwn(v, node.name)) values.push(v[node.name]);
      return { values };
    }
    case 'wildcard': {
      const values: unknown[] = [];
      for (const v of input) for (const c of children(v)) values.push(c);
      return { values };
    }
    case 'recursive':
      return { values: evalRecursive(input, depth) };
    case 'union': {
      const values: unknown[] = [];
      for (const list of node.lists) {
        const out = evalList(ctx, input, list, depth + 1);
        if (out.error !== undefined) return { values: input, error: out.error };
        for (const v of out.values) values.push(v);
      }
      return { values };
    }
    case 'ident':
      if (node.name === 'range') {
        ctx.beginRange++;
        return { values: input };
      }
      if (node.name === 'end') {
        if (ctx.inRange > 0) {
          ctx.endRange++;
          return { values: [] };
        }
        return { values: [], error: 'not in range, nothing to end' };
      }
      return { values: input, error: `unrecognized identifier ${node.name}` };
    case 'array':
      return evalArray(input, node.params);
    case 'filter':
      return evalFilter(ctx, input, node, depth);
  }
}

/** `..`: every value that has children (maps, lists, non-empty strings), parents before children. */
function evalRecursive(input: unknown[], depth: number): unknown[] {
  if (depth > MAX_DEPTH) throw new LimitExceeded(TOO_DEEP);
  const result: unknown[] = [];
  for (const v of input) {
    if (typeof v === 'string') {
      if (v !== '') result.push(v); // its bytes have no children, so they add nothing
      continue;
    }
    const kids = children(v);
    if (kids.length === 0) continue;
    result.push(v);
    for (const r of evalRecursive(kids, depth + 1)) result.push(r);
  }
  return result;
}

function evalArray(input: unknown[], params: readonly [Param, Param, Param]): Out {
  const result: unknown[] = [];
  for (const v of input) {
    // Upstream skips nil; a zero Value would panic there, so it is skipped too.
    if (v === null || v === INVALID) continue;
    if (!Array.isArray(v)) return { values: input, error: `${goTypeName(v)} is not array or slice` };
    const len = v.length;
    let from = params[0].known ? params[0].value : 0;
    if (from < 0) from += len;
    let to = params[1].known ? params[1].value : len;
    if (to < 0 || (to === 0 && params[1].derived)) to += len;
    // A request for zero elements ends the whole step (upstream returns here, not continue).
    if (to === from) return { values: result };
    if (from >= len || from < 0)
      return { values: input, error: `array index out of bounds: index ${from}, length ${len}` };
    if (to > len || to < 0)
      return { values: input, error: `array index out of bounds: index ${to - 1}, length ${len}` };
    if (from > to)
      return { values: input, error: `starting index ${from} is greater than ending index ${to}` };
    let step = 1;
    if (params[2].known) {
      if (params[2].value <= 0) return { values: input, error: 'step must be > 0' };
      step = params[2].value;
    }
    for (let i = from; i < to; i += step) result.push(v[i]);
  }
  return { values: result };
}

function evalFilter(ctx: Ctx, input: unknown[], node: Extract<Node, { kind: 'filter' }>, depth: number): Out {
  const results: unknown[] = [];
  for (const v of input) {
    if (!Array.isArray(v))
      return { values: input, error: `${goSprint(v)} is not array or slice and cannot be filtered` };
    for (const el of v) {
      const lefts = evalList(ctx, [el], node.left, depth + 1);
      if (node.op === 'exists') {
        // Upstream ignores the error here, and a failing step returns its input, which counts.
        if (lefts.values.length > 0) results.push(el);
        continue;
      }
      if (lefts.error !== undefined) return { values: input, error: lefts.error };
      if (lefts.values.length === 0) continue;
      if (lefts.values.length > 1) return { values: input, error: 'can only compare one element at a time' };
      const rights = evalList(ctx, [el], node.right, depth + 1);
      if (rights.error !== undefined) return { values: input, error: rights.error };
      if (rights.values.length === 0) continue;
      if (rights.values.length > 1) return { values: input, error: 'can only compare one element at a time' };
      const cmp = compare(node.op, lefts.values[0], rights.values[0]);
      if (!cmp) return { values: results, error: `unrecognized filter operator ${node.op}` };
      if (cmp.error !== undefined) return { values: results, error: cmp.error };
      if (cmp.pass) results.push(el);
    }
  }
  return { values: results };
}
