/**
 * Label selectors as `kubectl -l` reads them (k8s.io/apimachinery labels.Parse): requirements
 * joined by commas, each `key`, `!key`, `key=v`, `key==v`, `key!=v`, `key in (a,b)` or
 * `key notin (a,b)`. An empty selector matches everything.
 */
export type LabelRequirement =
  | { key: string; op: 'exists' | 'notExists' }
  | { key: string; op: 'in' | 'notIn'; values: string[] };

export type SelectorResult = { ok: true; requirements: LabelRequirement[] } | { ok: false; error: string };

const KEY = /^([A-Za-z0-9.-]+\/)?[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?)?$/;

/** Split on commas that are not inside a (…) value set. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function requirement(part: string): LabelRequirement | string {
  if (part === '') return 'found \'\', expected: !, identifier, or \'end of string\'';
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
  if (set) {
    const values = set[3].split(',').map((v) => v.trim());
    const bad = values.find((v) => !VALUE.test(v));
    if (bad !== undefined) return `invalid label value: "${bad}"`;
    return { key: set[1], op: set[2] === 'in' ? 'in' : 'notIn', values };
  }
  if (/\s(in|notin)\s/.test(` ${part} `) && !part.includes('(')) return `found '${part.split(/\s+/).pop() ?? ''}', expected: '('`;
  const cmp = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
  if (cmp) {
    if (!VALUE.test(cmp[3])) return `invalid label value: "${cmp[3]}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
    return { key: cmp[1], op: cmp[2] === '!=' ? 'notIn' : 'in', values: [cmp[3]] };
  }
  if (part.startsWith('!')) return { key: part.slice(1).trim(), op: 'notExists' };
  return { key: part, op: 'exists' };
}

export function parseLabelSelector(text: string): SelectorResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, requirements: [] };
  const requirements: LabelRequirement[] = [];
  for (const part of splitTopLevel(trimmed)) {
    const r = requirement(part);
    if (typeof r === 'string') return { ok: false, error: `error: unable to parse requirement: ${r}` };
    if (!KEY.test(r.key)) return { ok: false, error: `error: unable to parse requirement: invalid label key "${r.key}"` };
    requirements.push(r);
  }
  return { ok: true, requirements };
}

export function selectorMatches(requirements: readonly LabelRequirement[], labels: Record<string, string>): boolean {
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notExists':
        return !has;
      case 'in':
        return has && r.values.includes(labels[r.key]);
      case 'notIn':
        return !has || !r.values.includes(labels[r.key]);
    }
  });
}
