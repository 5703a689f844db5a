import { msg, type Message } from '../../core/message';
import type { NodeSelectorRequirement, RequirementOperator, Taint, TaintEffect } from './types';
import { parseCpuMillis, parseMemoryMiB } from './units';

export interface ParseIssue {
  /** Field path, e.g. spec.template.spec.requirements[0].operator */
  path: string;
  message: string;
  /** The message as people read it in their language. */
  msg?: Message;
}

export class IssueCollector {
  readonly errors: ParseIssue[] = [];
  readonly notices: ParseIssue[] = [];
  /** `message` is the English text (logs, fidelity); `m` the same in the reader's language. */
  error(path: string, message: string, m?: Message): void {
    this.errors.push(m ? { path, message, msg: m } : { path, message });
  }
  /** `what` is the English text and `m` the same as a Message. */
  notSimulated(path: string, what = 'accepted, not simulated', m: Message = msg('engine.notice.acceptedNotSimulated')): void {
    this.notices.push({ path, message: what, msg: m });
  }
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asObj(v: unknown, path: string, issues: IssueCollector): Obj {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) {
    issues.error(path, 'must be an object', msg('engine.karpenterIssue.object'));
    return {};
  }
  return v;
}

/** Report keys outside `known` as schema errors (a typo must not be silently ignored). */
export function checkKeys(o: Obj, known: readonly string[], path: string, issues: IssueCollector): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) issues.error(`${path}.${k}`, `unknown field "${k}"; allowed: ${known.join(', ')}`, msg('engine.karpenterIssue.unknownField', { key: k, allowed: known.join(', ') }));
  }
}

export function stringMap(v: unknown, path: string, issues: IssueCollector): Record<string, string> {
  const o = asObj(v, path, issues);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(o)) {
    if (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
    else issues.error(`${path}.${k}`, 'must be a string', msg('engine.karpenterIssue.string'));
  }
  return out;
}

const OPERATORS: readonly RequirementOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

export function parseRequirements(v: unknown, path: string, issues: IssueCollector): NodeSelectorRequirement[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    issues.error(path, 'must be a list', msg('engine.karpenterIssue.list'));
    return [];
  }
  const out: NodeSelectorRequirement[] = [];
  v.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const r = asObj(raw, p, issues);
    checkKeys(r, ['key', 'operator', 'values', 'minValues'], p, issues);
    if (typeof r.key !== 'string' || r.key === '') return issues.error(`${p}.key`, 'required string', msg('engine.karpenterIssue.requiredString'));
    const op = r.operator as RequirementOperator;
    if (!OPERATORS.includes(op)) return issues.error(`${p}.operator`, `must be one of ${OPERATORS.join(', ')}`, msg('engine.karpenterIssue.oneOf', { list: OPERATORS.join(', ') }));
    const values = Array.isArray(r.values) ? r.values.map(String) : [];
    if (op === 'In' && values.length === 0) {
      return issues.error(`${p}.values`, 'In needs at least one value', msg('engine.karpenterIssue.inNeedsValue'));
    }
    if ((op === 'Gt' || op === 'Lt') && (values.length !== 1 || !Number.isInteger(Number(values[0])))) {
      return issues.error(`${p}.values`, `${op} needs exactly one integer value`, msg('engine.karpenterIssue.oneInteger', { op }));
    }
    if ((op === 'Exists' || op === 'DoesNotExist') && values.length > 0) {
      return issues.error(`${p}.values`, `${op} takes no values`, msg('engine.karpenterIssue.noValues', { op }));
    }
    const req: NodeSelectorRequirement = { key: r.key, operator: op, values };
    if (typeof r.minValues === 'number') req.minValues = r.minValues;
    out.push(req);
  });
  return out;
}

const EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function parseTaints(v: unknown, path: string, issues: IssueCollector): Taint[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    issues.error(path, 'must be a list', msg('engine.karpenterIssue.list'));
    return [];
  }
  const out: Taint[] = [];
  v.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const t = asObj(raw, p, issues);
    checkKeys(t, ['key', 'value', 'effect', 'timeAdded'], p, issues);
    if (typeof t.key !== 'string') return issues.error(`${p}.key`, 'required string', msg('engine.karpenterIssue.requiredString'));
    if (!EFFECTS.includes(t.effect as TaintEffect)) return issues.error(`${p}.effect`, `must be one of ${EFFECTS.join(', ')}`, msg('engine.karpenterIssue.oneOf', { list: EFFECTS.join(', ') }));
    if (t.value !== undefined && typeof t.value !== 'string') return issues.error(`${p}.value`, 'must be a string', msg('engine.karpenterIssue.string'));
    out.push({ key: t.key, value: t.value, effect: t.effect as TaintEffect });
  });
  return out;
}

/** NodePool limits (cpu, memory; other resources are noted and ignored). */
export function parseLimits(v: unknown, path: string, issues: IssueCollector): { cpuMillis?: number; memoryMiB?: number } {
  const o = asObj(v, path, issues);
  const out: { cpuMillis?: number; memoryMiB?: number } = {};
  for (const [k, val] of Object.entries(o)) {
    if (k === 'cpu') {
      const c = parseCpuMillis(val as string | number);
      if (c === undefined) issues.error(`${path}.cpu`, 'not a CPU quantity', msg('engine.karpenterIssue.cpu'));
      else out.cpuMillis = c;
    } else if (k === 'memory') {
      const m = parseMemoryMiB(val as string | number);
      if (m === undefined) issues.error(`${path}.memory`, 'not a memory quantity', msg('engine.karpenterIssue.memory'));
      else out.memoryMiB = m;
    } else {
      issues.notSimulated(`${path}.${k}`, 'limit accepted, not simulated (only cpu and memory limits are enforced)', msg('engine.notice.karpenterLimit'));
    }
  }
  return out;
}
