import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { countsMessage, formatImportError, importCluster, importErrorMessage, MAX_INPUT_CHARS, type ImportError } from '../../scenario/import';
import { parseTopPods, type ImportProblem } from '../../scenario/import/input';
import { messageKeys, type Message } from '../../sim/core/message';
import { localeTrees } from '../i18n';
import { renderMessage } from '../i18n/message';
import { localeT } from '../../testing/messages';

/**
 * The import's errors reach the Compare tab as Messages (compare.import.error.*, issue.*, where.*):
 * every path has its key in English and Korean, English reads as the CLI's text, Korean is Korean.
 */
const fixture = (name: string) => readFileSync(new URL(`../../scenario/import/fixtures/${name}`, import.meta.url), 'utf8');

function errorsOf(text: string): ImportError[] {
  const r = importCluster({ text });
  return r.ok ? [] : r.errors;
}

/** A List of `n` small valid Pods, as kubectl prints them. */
const list = (n: number) => `apiVersion: v1\nkind: List\nitems:\n${'- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n'.repeat(n)}`;

/** One input per error path of parseKubectlOutput and importCluster, and what it must say. */
const cases: { name: string; text: string; key: string }[] = [
  { name: 'empty', text: '  \n', key: 'compare.import.error.empty' },
  { name: 'too big', text: 'x'.repeat(MAX_INPUT_CHARS + 1), key: 'compare.import.error.tooBig' },
  { name: 'kubectl table', text: 'NAME READY STATUS RESTARTS AGE\nweb-1 1/1 Running 0 5m', key: 'compare.import.error.table' },
  { name: 'plain text', text: 'No resources found in default namespace.', key: 'compare.import.error.plainText' },
  { name: 'a number', text: '42', key: 'compare.import.error.plainValue' },
  { name: 'broken JSON', text: '{"kind": "List", "items": [', key: 'compare.import.error.notJson' },
  { name: 'broken YAML', text: 'items:\n  - a: [1, 2\n', key: 'compare.import.error.notYaml' },
  { name: 'an alias with no anchor (threw before)', text: 'kind: *nope\n', key: 'compare.import.error.notYaml' },
  { name: 'truncated List', text: fixture('broken-truncated.yaml'), key: 'compare.import.error.truncatedList' },
  { name: 'a List whose items are not a list', text: 'apiVersion: v1\nkind: List\nitems: 3\n', key: 'compare.import.error.badList' },
  { name: 'too many objects', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Array.from({ length: 100_001 }, () => ({})) }), key: 'compare.import.error.badList' },
  { name: 'more objects than the import takes, over two Lists', text: `${list(60_000)}---\n${list(40_001)}`, key: 'compare.import.error.tooMany' },
  { name: 'an empty List', text: 'apiVersion: v1\nkind: List\nitems: []\n', key: 'compare.import.error.noObjects' },
  { name: 'an object without a name', text: 'apiVersion: v1\nkind: Node\nmetadata: {}\n', key: 'compare.import.issue.missing' },
  { name: 'a name of the wrong type', text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: [a]\n', key: 'compare.import.issue.invalidType' },
  { name: 'an empty name', text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: ""\n', key: 'compare.import.issue.tooShort' },
  { name: 'a kind too long', text: `apiVersion: v1\nkind: ${'X'.repeat(101)}\nmetadata:\n  name: a\n`, key: 'compare.import.issue.tooLong' },
  { name: 'a top-level sequence', text: '- a\n- b\n', key: 'compare.import.issue.invalidType' },
];

/** Items that fail inside a List are reported in the import's report, with a Message too. */
function unmappedMessages(text: string): Message[] {
  const r = importCluster({ text });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.report.unmapped.flatMap((u) => (u.msg ? [u.msg] : []));
}

function lookup(tree: Record<string, unknown>, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}
/** A key with a count needs both English plural forms; Korean has one form (the bare key or _other). */
const inEnglish = (tree: Record<string, unknown>, key: string) =>
  typeof lookup(tree, key) === 'string' || (typeof lookup(tree, `${key}_one`) === 'string' && typeof lookup(tree, `${key}_other`) === 'string');
const inKorean = (tree: Record<string, unknown>, key: string) => typeof lookup(tree, key) === 'string' || typeof lookup(tree, `${key}_other`) === 'string';

const HANGUL = /[\uac00-\ud7a3]/;
let en: TFunction;
let ko: TFunction;

beforeAll(async () => {
  ({ en, ko } = await localeT());
});

describe('import errors in the reader’s language', () => {
  const trees = localeTrees();
  const failures = cases.map((c) => ({ ...c, errors: errorsOf(c.text) }));
  const tops: ImportProblem[] = [...parseTopPods('pods cpu\nweb 5m').errors, ...parseTopPods('NAMESPACE NAME CPU(cores) MEMORY(bytes)\ndefault web-1 lots 10Mi').errors];

  it('each bad input fails with the expected key (the paths are reached)', () => {
    for (const f of failures) {
      expect(f.errors.length, f.name).toBeGreaterThan(0);
      expect(messageKeys(f.errors[0].msg), f.name).toContain(f.key);
    }
    expect(tops.map((t) => t.msg.key)).toEqual(['compare.import.error.topHeader', 'compare.import.error.topCpu']);
  });

  it('every key an import error uses exists in English (with its plural forms) and in Korean', () => {
    const messages = [...failures.flatMap((f) => f.errors.map(importErrorMessage)), ...tops.map((t) => t.msg), ...unmappedMessages(fixture('broken-wrong-kind.yaml'))];
    const keys = [...new Set(messages.flatMap(messageKeys))];
    expect(keys.length).toBeGreaterThan(15);
    expect(keys.filter((k) => !inEnglish(trees.en, k))).toEqual([]);
    expect(keys.filter((k) => !inKorean(trees.ko, k))).toEqual([]);
  });

  it('every error and issue message in the locale file is one the import produces (no stale or unreached key)', () => {
    const produced = new Set([...failures.flatMap((f) => f.errors.flatMap((e) => messageKeys(e.msg))), ...tops.map((t) => t.msg.key)]);
    produced.add('compare.import.issue.other'); // zod codes the schemas do not produce today
    const defined = (['error', 'issue'] as const).flatMap((g) =>
      Object.keys(lookup(trees.en, `compare.import.${g}`) as Record<string, string>).map((k) => `compare.import.${g}.${k.replace(/_(one|other)$/, '')}`),
    );
    expect([...new Set(defined)].filter((k) => !produced.has(k))).toEqual([]);
  });

  it('English renders exactly as the CLI prints (formatImportError), for every path', () => {
    for (const f of failures) for (const e of f.errors) expect(renderMessage(en, importErrorMessage(e)), f.name).toBe(formatImportError(e));
    for (const t of tops) expect(renderMessage(en, t.msg)).toBe(t.message);
  });

  it('English wording is unchanged for the errors that were already good', () => {
    const truncated = failures.find((f) => f.name === 'truncated List')!.errors[0];
    expect(renderMessage(en, importErrorMessage(truncated))).toBe('document 1, line 10905, column 11: a list of 161 items without `kind: List` after them: the text looks cut off here (copy the whole output)');
    const [wrongType, noName] = unmappedMessages(fixture('broken-wrong-kind.yaml'));
    expect(renderMessage(en, wrongType)).toBe('document 1, items[2]: Invalid input: expected object, received string');
    expect(renderMessage(en, noName)).toBe('document 1, items[3]: metadata.name: Invalid input: expected string, received undefined');
    const empty = failures.find((f) => f.name === 'empty')!.errors[0];
    expect(renderMessage(en, importErrorMessage(empty))).toBe('document 1: nothing to import: paste the output of kubectl get … -o yaml');
  });

  it('a parser’s error says where (line and column) and why in Korean, with the parser’s own text quoted', () => {
    const yaml = failures.find((f) => f.name === 'broken YAML')!.errors[0];
    expect(renderMessage(ko, importErrorMessage(yaml))).toBe(
      '문서 1, 3번째 줄, 1열: YAML로 읽을 수 없습니다. 열린 [ 또는 {가 닫히지 않았거나, 그다음 줄의 들여쓰기가 부족합니다 (파서의 메시지: "Flow sequence in block collection must be sufficiently indented and end with a ]")',
    );
    const json = failures.find((f) => f.name === 'broken JSON')!.errors[0];
    expect(renderMessage(ko, importErrorMessage(json))).toBe(
      '문서 1, 1번째 줄, 28열: JSON으로 읽을 수 없습니다. JSON이 끝나기 전에 텍스트가 끝납니다. 중간에 잘린 것 같습니다 (파서의 메시지: "Unexpected end of JSON input")',
    );
    expect(formatImportError(json)).toBe('document 1, line 1, column 28: not valid JSON: the text ends before the JSON does: it looks cut off (the parser says: "Unexpected end of JSON input")');
    // A comma missing on the second line: located there, not at the JSON's position counted in characters.
    const [comma] = errorsOf('{"kind": "List",\n "items": [1 2]}');
    expect(renderMessage(ko, importErrorMessage(comma))).toMatch(/^문서 1, 2번째 줄, 14열: JSON으로 읽을 수 없습니다\. 쉼표나 닫는 \] 또는 \}가 빠졌습니다 \(파서의 메시지: "Expected ',' or '\]' after array element in JSON at position 30[^"]*"\)$/);
  });

  it('Korean renders every error in Korean, with no raw key left', () => {
    for (const f of failures) {
      for (const e of f.errors) {
        const text = renderMessage(ko, importErrorMessage(e));
        expect(text, f.name).toMatch(/^문서 \d/);
        expect(text, f.name).not.toMatch(/compare\.import|\{\{/);
        // zod's and the parsers' own words stay English only inside quotes (the parser errors quote theirs).
        expect(text.replace(/^문서 \d(, [^:]+)?: /, '').replace(/"[^"]*"/g, ''), f.name).toMatch(HANGUL);
      }
    }
    const truncated = failures.find((f) => f.name === 'truncated List')!.errors[0];
    expect(renderMessage(ko, importErrorMessage(truncated))).toBe('문서 1, 10905번째 줄, 11열: 항목 161개짜리 목록 뒤에 `kind: List`가 없습니다. 텍스트가 여기서 잘린 것 같습니다 (출력 전체를 복사하세요)');
    const table = failures.find((f) => f.name === 'kubectl table')!.errors[0];
    expect(renderMessage(ko, importErrorMessage(table))).toBe(
      '문서 1, 1번째 줄: kubectl의 표 형식 출력으로 보입니다 (NAME READY STATUS RESTARTS AGE). 가져오기에는 kubectl get … -o yaml (또는 -o json) 출력이 필요합니다. 같은 명령에 -o yaml을 붙여 다시 실행하세요',
    );
  });
});

describe('the import report counts in the singular and the plural', () => {
  const counts = (c: Partial<Record<'nodes' | 'nodeGroups' | 'workloads' | 'autoscalers' | 'pods' | 'items' | 'karpenterNodes', number>>) => ({
    items: 0, nodes: 0, nodeGroups: 0, workloads: 0, autoscalers: 0, pods: 0, karpenterNodes: 0, ...c,
  });

  it('English: 1 node in 1 node group, 1 workload; 3 nodes in 2 node groups', () => {
    expect(renderMessage(en, countsMessage(counts({ nodes: 1, nodeGroups: 1, workloads: 1, pods: 1, items: 4 })))).toBe('1 node in 1 node group, 1 workload, 0 autoscalers, 1 pod read (4 objects).');
    expect(renderMessage(en, countsMessage(counts({ nodes: 3, nodeGroups: 2, workloads: 5, autoscalers: 1, pods: 12, items: 1 })))).toBe('3 nodes in 2 node groups, 5 workloads, 1 autoscaler, 12 pods read (1 object).');
  });

  it('Korean: one form, as before', () => {
    expect(renderMessage(ko, countsMessage(counts({ nodes: 1, nodeGroups: 1, workloads: 1, pods: 1, items: 4 })))).toBe('노드 1개(노드 그룹 1개), 워크로드 1개, 오토스케일러 0개, 파드 1개를 읽었습니다 (객체 4개).');
  });

  it('dropped data: 1 pod of a Job, 1 Secret, 1 ConfigMap; many in the plural; every line resolves in Korean', () => {
    expect(en('compare.import.drop.jobPods', { count: 1 })).toBe('1 pod of a Job (Jobs are not simulated)');
    expect(en('compare.import.drop.secrets', { count: 1 })).toBe('1 Secret (never imported)');
    expect(en('compare.import.drop.configMaps', { count: 1 })).toBe('1 ConfigMap with its data');
    expect(en('compare.import.drop.secrets', { count: 2 })).toBe('2 Secrets (never imported)');
    const drops = Object.keys(lookup(localeTrees().en, 'compare.import.drop') as Record<string, string>).map((k) => k.replace(/_(one|other)$/, ''));
    for (const k of new Set(drops)) {
      // A singular of its own, not the plural with a 1 in it.
      expect(en(`compare.import.drop.${k}`, { count: 1 }), k).not.toBe(en(`compare.import.drop.${k}`, { count: 2 }).replace(/\b2\b/, '1'));
      for (const n of [1, 3]) expect(ko(`compare.import.drop.${k}`, { count: n }), k).toMatch(HANGUL);
    }
  });

  it('the fixture cluster’s report reads in the singular where it counts one', () => {
    const r = importCluster({ text: `${fixture('cluster.yaml')}---\n${fixture('cluster-extras.yaml')}`, top: fixture('top-pods.txt') });
    if (!r.ok) throw new Error('not imported');
    const lines = r.report.dropped.map((d) => en(`compare.import.drop.${d.key.replace(/^resource:.*/, 'resource')}`, d.params));
    expect(lines).toContain('1 Secret (never imported)');
    expect(lines).toContain('1 pod of a Job (Jobs are not simulated)');
    // The CLI's English twin says the same.
    expect(r.report.dropped.map((d) => d.text)).toContain('1 Secret (never imported)');
  });
});

describe('any pasted text', () => {
  // Tables, plain values, broken YAML and fragments of real kubectl output, spliced at random.
  const fragments = ['NAME READY STATUS RESTARTS AGE', 'NAMESPACE NAME CPU(cores)', 'web-1 1/1 Running 0 5m', 'apiVersion: v1', 'kind: List', 'items:', '- kind: Pod', '  metadata:', '    name: a', '---', '42', '{', '"x"', 'true', ': :'];
  const pasted = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 30 })), { maxLength: 30 }).map((lines) => lines.join('\n')),
    fc.tuple(fc.nat({ max: 3000 }), fc.nat({ max: 3000 })).map(([a, b]) => fixture('cluster.yaml').slice(Math.min(a, b) * 10, Math.max(a, b) * 10)),
  );

  it('imports or fails with located errors that read in English and in Korean, never throws', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const r = importCluster({ text });
        if (r.ok) return;
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) {
          expect(e.document).toBeGreaterThanOrEqual(1);
          const m = importErrorMessage(e);
          expect(renderMessage(en, m)).not.toMatch(/compare\.import\.|issue\.|where\./);
          expect(renderMessage(ko, m)).not.toMatch(/compare\.import\.|issue\.|where\./);
        }
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});
