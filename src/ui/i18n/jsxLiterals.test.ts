import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word a person reads goes through t(). This scan finds English left in JSX: text between
 * tags and aria-label / title / placeholder / alt attributes given as string literals. Words the
 * real tools print (kubectl, Kubernetes kinds, units) are allowed, as in a real terminal.
 */
const roots = [join(import.meta.dirname, '..'), join(import.meta.dirname, '../../app')];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return p.endsWith('.tsx') && !p.endsWith('.test.tsx') ? [p] : [];
  });
}

/** Terms kept in English in the Korean UI, as Korean EKS docs and the real tools keep them. */
const ALLOWED = new Set(
  [
    'kubectl', 'HPA', 'VPA', 'KEDA', 'CPA', 'CA', 'Karpenter', 'Pod', 'Pods', 'Node', 'Nodes', 'NodePool', 'NodeClaim',
    'Deployment', 'ScaledObject', 'Pending', 'Ready', 'NotReady', 'Running', 'YAML', 'JSON', 'CSV', 'PNG', 'SVG',
    'CPU', 'RPS', 'rps', 'p95', 'ms', 'm', 's', 'h', 'Mi', 'Gi', 'spot', 'on-demand', 'OK', 'EKS', 'AWS',
    // `kubectl get events` columns, `kubectl describe node` fields and taints, as kubectl prints them.
    'LAST', 'SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE', 'init', 'memory', 'node.kubernetes.io/unschedulable:NoSchedule',
    'node', 'kubernetes', 'io', 'unschedulable', 'NoSchedule',
  ].map((w) => w.toLowerCase()),
);

function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z][A-Za-z'-]+/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()));
}

const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt']);

/** JSX text and read attributes given as string literals, parsed with the TypeScript compiler. */
export function findLiterals(source: string): string[] {
  const file = ts.createSourceFile('x.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text && englishWords(text).length) found.push(text);
    } else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const init = node.initializer;
      const literal = init && ts.isStringLiteral(init) ? init.text : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression.text : undefined;
      if (literal !== undefined && englishWords(literal).length) found.push(`${node.name.getText(file)}="${literal}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no English literals in the UI', () => {
  it('the scan catches text, aria-label and title literals (and passes t() and kubectl terms)', () => {
    expect(findLiterals('const a = <p>No decision yet.<b aria-label="Close">x</b></p>;')).toEqual(['No decision yet.', 'aria-label="Close"']);
    expect(findLiterals('const f = <T,>(x: T) => <p>{t("a")}<span>kubectl</span><i title={t("x")} /></p>;')).toEqual([]);
  });
  it('src/ui and src/app render words only through t()', () => {
    const hits = roots.flatMap((r) => files(r).flatMap((f) => findLiterals(readFileSync(f, 'utf8')).map((h) => `${relative(join(r, '..'), f)}: ${h}`)));
    expect(hits).toEqual([]);
  });
});
