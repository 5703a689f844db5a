import type { Node } from '../../sim/core/types';
import type { GridPod } from '../../sim/views/gridSlice';
import type { EngineApi } from '../../sim/api';

/**
 * The grid's filter, as kube-ops-view reads its `q=`: words separated by spaces, all of which must
 * hold. A word is
 * - `namespace:NS` (or `ns:NS`): pods in that namespace;
 * - a label selector as `kubectl -l` reads it (`app=web`, `tier!=db`, `env in (a,b)`, `!canary`),
 *   matched against pod labels and node labels;
 * - anything else: part of a pod's or a node's name.
 * A node matches when it matches every word itself (name, labels) or holds a pod that does.
 */
export interface GridQuery {
  empty: boolean;
  /** A located reason when a selector word does not parse; the grid then shows everything. */
  error: string | null;
  pod: (p: GridPod) => boolean;
  node: (n: Node, pods: readonly GridPod[]) => boolean;
}

type Api = Pick<EngineApi, 'parseLabelSelector' | 'selectorMatches'>;
type Word =
  | { kind: 'ns'; ns: string }
  | { kind: 'selector'; match: (labels: Record<string, string>) => boolean }
  | { kind: 'name'; text: string };

const ALL: GridQuery = { empty: true, error: null, pod: () => true, node: () => true };

/** Split on spaces outside "(…)" so `env in (a, b)` stays one word. */
function words(q: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of q) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  // "env in (a,b)" typed with spaces: glue "in"/"notin" and the set back to their key.
  const glued: string[] = [];
  for (let i = 0; i < out.length; i++) {
    if ((out[i + 1] === 'in' || out[i + 1] === 'notin') && out[i + 2]?.startsWith('(')) {
      glued.push(`${out[i]} ${out[i + 1]} ${out[i + 2]}`);
      i += 2;
    } else glued.push(out[i]);
  }
  return glued;
}

export function compileGridQuery(query: string, api: Api): GridQuery {
  const list = words(query.trim());
  if (list.length === 0) return ALL;
  const parsed: Word[] = [];
  for (const w of list) {
    const ns = /^(?:ns|namespace):(.*)$/.exec(w);
    if (ns) {
      parsed.push({ kind: 'ns', ns: ns[1] });
      continue;
    }
    if (/[=!]|\s(not)?in\s/.test(w)) {
      const sel = api.parseLabelSelector(w);
      if (!sel.ok) return { ...ALL, error: `${w}: ${sel.error}` };
      parsed.push({ kind: 'selector', match: (labels) => api.selectorMatches(sel.requirements, labels) });
      continue;
    }
    parsed.push({ kind: 'name', text: w.toLowerCase() });
  }
  const podWord = (p: GridPod, w: Word) =>
    w.kind === 'ns' ? p.namespace === w.ns : w.kind === 'selector' ? w.match(p.labels) : p.name.toLowerCase().includes(w.text);
  const nodeWord = (n: Node, w: Word) =>
    w.kind === 'ns' ? false : w.kind === 'selector' ? w.match(n.labels) : n.name.toLowerCase().includes(w.text);
  const pod = (p: GridPod) => parsed.every((w) => podWord(p, w));
  return {
    empty: false,
    error: null,
    pod,
    node: (n, pods) => parsed.every((w) => nodeWord(n, w)) || pods.some(pod),
  };
}
