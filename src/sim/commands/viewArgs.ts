import { ownEntry } from '../core/ownKey';

/**
 * The arguments of a view command. The command-line parser hands them over normalised
 * (positional words, then `--name=value` and `-o=fmt`); people and tests calling runView directly
 * may also write `-n kube-system` or `-o wide`, so both forms are read.
 */
export interface ViewArgs {
  positional: string[];
  values: Map<string, string[]>;
}

const SHORT: Record<string, string> = {
  o: 'output', n: 'namespace', A: 'all-namespaces', L: 'label-columns', l: 'selector', w: 'watch',
  f: 'follow', c: 'container', p: 'previous', q: 'quiet', v: 'verbose',
};

/** Flags that take a value, so that a bare `--name` reads the next word. */
const TAKES_VALUE = new Set([
  'output', 'namespace', 'label-columns', 'selector', 'field-selector', 'sort-by', 'tail', 'since', 'since-time', 'container',
  'cpu_percentile', 'memory_buffer_percentage', 'history_duration', 'timeframe_duration', 'points_required', 'formatter',
  'cpu-percentile', 'memory-buffer-percentage', 'history-duration', 'timeframe-duration', 'points-required',
  'prometheus-url', 'timeout', 'revision', 'max-log-requests', 'limit-bytes', 'context', 'kubeconfig',
]);

export function readViewArgs(args: readonly string[]): ViewArgs {
  const out: ViewArgs = { positional: [], values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-' || a === '--') {
      if (a !== '--') out.positional.push(a);
      continue;
    }
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const raw = eq < 0 ? body : body.slice(0, eq);
    const name = a.startsWith('--') ? raw : (ownEntry(SHORT, raw) ?? raw);
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (TAKES_VALUE.has(name) && i + 1 < args.length) value = args[++i];
    else value = 'true';
    out.values.set(name, [...(out.values.get(name) ?? []), value]);
  }
  return out;
}

export function argValue(v: ViewArgs, name: string): string | undefined {
  const list = v.values.get(name);
  return list?.[list.length - 1];
}

export function argValues(v: ViewArgs, name: string): string[] {
  return (v.values.get(name) ?? []).flatMap((s) => s.split(',')).filter((s) => s !== '');
}

export function argBool(v: ViewArgs, name: string): boolean {
  const s = argValue(v, name);
  return s !== undefined && s !== 'false';
}

export function namespaceArg(v: ViewArgs): string {
  return argValue(v, 'namespace') || 'default';
}

/** One type's part of a `kubectl get` answer: its table (or '' when nothing matched) and NotFound errors. */
export interface ViewBlock {
  text: string;
  errors: string[];
  /** Objects a long -o yaml/json printout left out (objectOutput.ts MAX_PRINTED_OBJECTS). */
  omitted?: number;
}
