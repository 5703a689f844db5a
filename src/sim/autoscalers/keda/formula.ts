/**
 * KEDA's advanced.scalingModifiers.formula. KEDA compiles it with expr-lang (github.com/expr-lang/expr)
 * against the named triggers' values and runs it each poll (pkg/scaling/modifiers/formula.go;
 * apis/keda/v1alpha1/scaledobject_webhook.go validateScalingModifiersFormula). This is our own
 * small interpreter for the subset KEDA's docs use: numbers, trigger names, + - * / % ** ^,
 * unary - + ! not, comparisons, && || and or, the ternary ?:, parentheses and the numeric builtins
 * float int abs ceil floor round min max. Anything else (??, let, arrays, predicates such as
 * count([...], {#>1}), strings) is refused with its column, as expr's compiler reports "(1:N)".
 * No eval and no Function constructor: the app runs under a strict CSP.
 */

export type FormulaNode =
  | { k: 'num'; v: number }
  | { k: 'id'; name: string }
  | { k: 'un'; op: '-' | '+' | '!'; a: FormulaNode }
  | { k: 'bin'; op: string; a: FormulaNode; b: FormulaNode }
  | { k: 'tern'; c: FormulaNode; a: FormulaNode; b: FormulaNode }
  | { k: 'call'; fn: string; args: FormulaNode[] };

export type FormulaValue = number | boolean;

export type CompileResult = { ok: true; ast: FormulaNode; names: string[] } | { ok: false; error: string; column: number };

interface Tok {
  t: 'num' | 'id' | 'op' | 'end';
  v: string;
  col: number;
}

const FUNCTIONS: Record<string, [number, number]> = { float: [1, 1], int: [1, 1], abs: [1, 1], ceil: [1, 1], floor: [1, 1], round: [1, 1], min: [1, 64], max: [1, 64] };
const WORD_OPS = new Set(['and', 'or', 'not']);
const UNSUPPORTED_WORDS = new Set(['let', 'in', 'matches', 'contains', 'startsWith', 'endsWith', 'nil', 'true', 'false']);

class FormulaError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ t: 'num', v: num[0], col: i + 1 });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(rest);
    if (id) {
      out.push({ t: WORD_OPS.has(id[0]) ? 'op' : 'id', v: id[0], col: i + 1 });
      i += id[0].length;
      continue;
    }
    const op = /^(\?\?|\*\*|==|!=|<=|>=|&&|\|\||[-+*/%^<>!?:(),[\]{}#.])/.exec(rest);
    if (op) {
      out.push({ t: 'op', v: op[0], col: i + 1 });
      i += op[0].length;
      continue;
    }
    throw new FormulaError(`unexpected token ${JSON.stringify(c)}`, i + 1);
  }
  out.push({ t: 'end', v: '', col: src.length + 1 });
  return out;
}

// Binding power, lowest first, as expr-lang orders them (ternary < or < and < equality < relational < additive < multiplicative < exponent).
const BINARY: Record<string, number> = {
  '||': 1, or: 1,
  '&&': 2, and: 2,
  '==': 3, '!=': 3,
  '<': 4, '<=': 4, '>': 4, '>=': 4,
  '+': 5, '-': 5,
  '*': 6, '/': 6, '%': 6,
  '**': 8, '^': 8,
};

class Parser {
  private pos = 0;
  readonly names = new Set<string>();
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.pos];
  }

  private take(): Tok {
    return this.toks[this.pos++];
  }

  private expect(v: string): void {
    const t = this.take();
    if (t.t !== 'op' || t.v !== v) throw new FormulaError(t.t === 'end' ? `unexpected end of formula, expected "${v}"` : `unexpected token ${JSON.stringify(t.v)}, expected "${v}"`, t.col);
  }

  parse(): FormulaNode {
    const node = this.ternary();
    const t = this.peek();
    if (t.t !== 'end') throw new FormulaError(`unexpected token ${JSON.stringify(t.v)}`, t.col);
    return node;
  }

  private ternary(): FormulaNode {
    const c = this.binary(1);
    const t = this.peek();
    if (t.t === 'op' && t.v === '??') throw new FormulaError('the ?? operator is not simulated', t.col);
    if (t.t === 'op' && t.v === '?') {
      this.take();
      const a = this.ternary();
      this.expect(':');
      const b = this.ternary();
      return { k: 'tern', c, a, b };
    }
    return c;
  }

  private binary(minPower: number): FormulaNode {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const power = t.t === 'op' ? BINARY[t.v] : undefined;
      if (power === undefined || power < minPower) return left;
      this.take();
      // ** and ^ are right-associative; everything else left.
      const right = power === 8 ? this.binary(power) : this.binary(power + 1);
      left = { k: 'bin', op: t.v === 'and' ? '&&' : t.v === 'or' ? '||' : t.v === '^' ? '**' : t.v, a: left, b: right };
    }
  }

  private unary(): FormulaNode {
    const t = this.peek();
    const op = t.t !== 'op' ? undefined : t.v === '-' ? '-' : t.v === '+' ? '+' : t.v === '!' || t.v === 'not' ? '!' : undefined;
    if (op) {
      this.take();
      return { k: 'un', op, a: this.unary() };
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const t = this.take();
    if (t.t === 'num') return { k: 'num', v: Number(t.v) };
    if (t.t === 'op' && t.v === '(') {
      const inner = this.ternary();
      this.expect(')');
      return inner;
    }
    if (t.t === 'id') {
      if (UNSUPPORTED_WORDS.has(t.v)) throw new FormulaError(`${t.v} is not simulated in scalingModifiers formulas`, t.col);
      const next = this.peek();
      if (next.t === 'op' && next.v === '(') {
        const arity = FUNCTIONS[t.v];
        if (!arity) throw new FormulaError(`unknown or unsimulated function ${t.v}`, t.col);
        this.take();
        const args: FormulaNode[] = [];
        if (!(this.peek().t === 'op' && this.peek().v === ')')) {
          args.push(this.ternary());
          while (this.peek().t === 'op' && this.peek().v === ',') {
            this.take();
            args.push(this.ternary());
          }
        }
        this.expect(')');
        if (args.length < arity[0] || args.length > arity[1]) throw new FormulaError(`invalid number of arguments for ${t.v} (expected ${arity[0] === arity[1] ? arity[0] : `${arity[0]} or more`}, got ${args.length})`, t.col);
        return { k: 'call', fn: t.v, args };
      }
      this.names.add(t.v);
      return { k: 'id', name: t.v };
    }
    if (t.t === 'end') throw new FormulaError('unexpected end of formula', t.col);
    if (t.v === '[' || t.v === '{' || t.v === '#') throw new FormulaError(`${t.v} is not simulated in scalingModifiers formulas`, t.col);
    throw new FormulaError(`unexpected token ${JSON.stringify(t.v)}`, t.col);
  }
}

/**
 * Compile a formula for the given trigger names (KEDA passes every named non-cpu/memory trigger).
 * An unknown name fails as expr's compiler does: "unknown name x".
 */
export function compileFormula(formula: string, triggerNames: readonly string[]): CompileResult {
  try {
    if (formula.trim() === '') return { ok: false, error: 'error ScalingModifiers.Formula is mandatory', column: 1 };
    const parser = new Parser(tokenize(formula));
    const ast = parser.parse();
    const known = new Set(triggerNames);
    const names = [...parser.names];
    for (const name of names) {
      if (!known.has(name)) {
        const col = new RegExp(`(^|[^A-Za-z0-9_$])${name.replace(/\$/g, '\\$')}(?![A-Za-z0-9_$])`).exec(formula);
        return { ok: false, error: `unknown name ${name}`, column: col ? col.index + col[1].length + 1 : 1 };
      }
    }
    return { ok: true, ast, names };
  } catch (err) {
    if (err instanceof FormulaError) return { ok: false, error: err.message, column: err.column };
    throw err;
  }
}

function asNumber(v: FormulaValue, what: string): number {
  if (typeof v !== 'number') throw new Error(`invalid operation: ${what} (mismatched types bool and float64)`);
  return v;
}

function asBool(v: FormulaValue, what: string): boolean {
  if (typeof v !== 'boolean') throw new Error(`non-bool expression (type float64) used as condition in ${what}`);
  return v;
}

function evalNode(n: FormulaNode, env: Readonly<Record<string, number>>): FormulaValue {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'id': {
      const v = env[n.name];
      if (v === undefined) throw new Error(`unknown name ${n.name}`);
      return v;
    }
    case 'un': {
      const a = evalNode(n.a, env);
      if (n.op === '!') return !asBool(a, '!');
      return n.op === '-' ? -asNumber(a, 'unary -') : asNumber(a, 'unary +');
    }
    case 'tern':
      return asBool(evalNode(n.c, env), 'ternary') ? evalNode(n.a, env) : evalNode(n.b, env);
    case 'call': {
      const args = n.args.map((a) => asNumber(evalNode(a, env), n.fn));
      switch (n.fn) {
        case 'float':
          return args[0];
        case 'int':
          return Math.trunc(args[0]);
        case 'abs':
          return Math.abs(args[0]);
        case 'ceil':
          return Math.ceil(args[0]);
        case 'floor':
          return Math.floor(args[0]);
        case 'round':
          // Go's math.Round: half away from zero.
          return Math.sign(args[0]) * Math.round(Math.abs(args[0]));
        case 'min':
          return args.reduce((x, y) => (y < x ? y : x));
        default:
          return args.reduce((x, y) => (y > x ? y : x));
      }
    }
    case 'bin': {
      if (n.op === '&&') return asBool(evalNode(n.a, env), '&&') && asBool(evalNode(n.b, env), '&&');
      if (n.op === '||') return asBool(evalNode(n.a, env), '||') || asBool(evalNode(n.b, env), '||');
      const a = evalNode(n.a, env);
      const b = evalNode(n.b, env);
      if (n.op === '==') return a === b;
      if (n.op === '!=') return a !== b;
      const x = asNumber(a, n.op);
      const y = asNumber(b, n.op);
      switch (n.op) {
        case '<':
          return x < y;
        case '<=':
          return x <= y;
        case '>':
          return x > y;
        case '>=':
          return x >= y;
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          return x / y;
        case '%':
          return x % y;
        default:
          return x ** y;
      }
    }
  }
}

export type FormulaResult = { ok: true; value: number } | { ok: false; error: string };

/**
 * Run a compiled formula over the triggers' values. KEDA wraps the formula in float(…), so a
 * boolean result is an error ("formula returned non-float result"), as is division by zero's
 * non-finite result, which the HPA could not use.
 */
export function runFormula(ast: FormulaNode, values: Readonly<Record<string, number>>): FormulaResult {
  try {
    const v = evalNode(ast, values);
    if (typeof v !== 'number') return { ok: false, error: `error trying to run custom formula: cannot convert bool to float64` };
    if (!Number.isFinite(v)) return { ok: false, error: `error trying to run custom formula: result ${v} is not a finite number` };
    return { ok: true, value: v };
  } catch (err) {
    return { ok: false, error: `error trying to run custom formula: ${(err as Error).message}` };
  }
}

/** Compile and run in one go: what the fidelity vectors check. */
export function evaluateFormula(formula: string, values: Readonly<Record<string, number>>): FormulaResult {
  const compiled = compileFormula(formula, Object.keys(values));
  if (!compiled.ok) return { ok: false, error: `${compiled.error} (1:${compiled.column})` };
  return runFormula(compiled.ast, values);
}
