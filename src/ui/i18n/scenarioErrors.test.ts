import { describe, expect, it } from 'vitest';
import { formatError, scenarioErrorMessage, type ScenarioError } from '../../scenario/errors';
import { loadScenario } from '../../scenario/loadScenario';
import { JSON_WHY, YAML_WHY } from '../../scenario/parserErrors';
import { messageKeys } from '../../sim/core/message';
import { en, ko } from '../../testing/messages';
import { localeTrees } from './index';
import '../../sim/bootstrap';

/**
 * The scenario loader's errors reach the page (the Compare tab's import and run B) as Messages: the
 * place in the reader's language, the playground's own words translated, a parser's own text quoted
 * inside a translated sentence. English renders byte for byte as the CLI prints (formatError).
 * Errors worded as the API server or kubectl word theirs stay as written inside the located frame.
 */
const GROUP = '{name: ng1, instanceType: t3.medium, minSize: 1, maxSize: 3}';
const scenario = (spec: string, extra = '') => `apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nspec:\n${spec}\n${extra}`;
const groups = (...g: string[]) => `  nodeGroups: [${g.join(', ')}]`;
const ok = groups(GROUP);
const deployment = (spec: string) => `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n${spec}\n`;
const DEPLOY_SPEC = '  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}';
const pc = (name: string, value: number, globalDefault = false) => `---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: ${name}}\nvalue: ${value}\nglobalDefault: ${globalDefault}\n`;
const hpa = (min: string, max: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: ${min}\n  maxReplicas: ${max}\n`;

/** One bad file per path of the loader's own words, and the key its first matching error must use. */
const cases: { name: string; text: string; key: string }[] = [
  { name: 'an unclosed [', text: 'a: [1, 2\n', key: 'parserError.yaml.flowNotClosed' },
  { name: 'a tab indent', text: 'a:\n\t- b\n', key: 'parserError.yaml.TAB_AS_INDENT' },
  // The parser's MISSING_CHAR, told apart: a mis-indented list item is not a missing quote.
  { name: 'a list item without its dash', text: 'spec:\n  containers:\n  - name: api\n   image: api:2.0\n', key: 'parserError.yaml.seqItemNoDash' },
  { name: 'a comment with no space before it', text: 'a: "b"# c\n', key: 'parserError.yaml.missingSpace' },
  { name: 'a quote not closed', text: 'a: "abc\n', key: 'parserError.yaml.MISSING_CHAR' },
  { name: 'a key twice', text: 'a: 1\na: 2\n', key: 'parserError.yaml.DUPLICATE_KEY' },
  { name: 'an alias with no anchor', text: 'kind: *nope\n', key: 'parserError.yaml.BAD_ALIAS' },
  { name: 'too deep', text: `a: ${'['.repeat(150)}`, key: 'scenarioError.tooDeep' },
  { name: 'too big', text: `# ${'x'.repeat(2_000_001)}`, key: 'scenarioError.tooBig' },
  { name: 'no Scenario document', text: deployment(DEPLOY_SPEC).slice(4), key: 'scenarioError.noScenario' },
  { name: 'two Scenario documents', text: `${scenario(ok)}---\n${scenario(ok)}`, key: 'scenarioError.secondScenario' },
  { name: 'apply with no objects', text: scenario(`${ok}\n  timeline: [{at: 1m, apply: ""}]`), key: 'scenarioError.applyEmpty' },
  { name: 'a command of the playground’s own refusal', text: scenario(`${ok}\n  timeline: [{at: 1m, run: "python foo.py"}]`), key: 'cmd.python' },
  { name: 'two groups, one name', text: scenario(groups(GROUP, GROUP)), key: 'scenarioError.check.groupName' },
  { name: 'instanceType and instanceTypes', text: scenario(groups('{name: a, instanceType: t3.medium, instanceTypes: [t3.large], minSize: 1, maxSize: 2}')), key: 'scenarioError.check.instanceTypeBoth' },
  { name: 'no instance type', text: scenario(groups('{name: a, minSize: 1, maxSize: 2}')), key: 'scenarioError.check.instanceTypeMissing' },
  { name: 'maxSize below minSize', text: scenario(groups('{name: a, instanceType: t3.medium, minSize: 3, maxSize: 2}')), key: 'scenarioError.check.maxBelowMin' },
  { name: 'desired outside', text: scenario(groups('{name: a, instanceType: t3.medium, minSize: 1, maxSize: 2, desiredCapacity: 5}')), key: 'scenarioError.check.desiredOutside' },
  { name: 'a zone the region lacks', text: scenario(groups('{name: a, instanceType: t3.medium, minSize: 1, maxSize: 2, zones: [ap-northeast-2z]}')), key: 'scenarioError.check.zone' },
  { name: 'two loads, one target', text: scenario(`${ok}\n  load: [{target: web, cpuPerRequest: 20m, clients: {count: 1, thinkTime: 10ms}}, {target: web, cpuPerRequest: 20m, clients: {count: 2, thinkTime: 10ms}}]`, deployment(DEPLOY_SPEC)), key: 'scenarioError.check.loadTarget' },
  { name: 'clients and profile', text: scenario(`${ok}\n  load: [{target: web, cpuPerRequest: 20m, clients: {count: 1, thinkTime: 10ms}, profile: [{at: 0s, rps: 1}]}]`, deployment(DEPLOY_SPEC)), key: 'scenarioError.check.clientsAndProfile' },
  { name: 'profile out of order', text: scenario(`${ok}\n  load: [{target: web, cpuPerRequest: 20m, profile: [{at: 2m, rps: 1}, {at: 1m, rps: 2}]}]`, deployment(DEPLOY_SPEC)), key: 'scenarioError.check.profileOrder' },
  { name: 'an empty timeline entry', text: scenario(`${ok}\n  timeline: [{at: 1m}]`), key: 'scenarioError.check.timelineEmpty' },
  { name: 'run and apply', text: scenario(`${ok}\n  timeline: [{at: 1m, run: "kubectl get pods", apply: {apiVersion: v1, kind: Namespace, metadata: {name: a}}}]`), key: 'scenarioError.check.runAndApply' },
  { name: 'a misspelt field', text: scenario(`${ok}\n  durration: 5m`), key: 'scenarioError.schema.unknownFieldNear' },
  { name: 'an unknown field', text: scenario(`${ok}\n  zzzzzz: 5m`), key: 'scenarioError.schema.unknownField' },
  { name: 'an unknown field among many', text: scenario(ok, deployment(`${DEPLOY_SPEC.replace('containers:', 'qqqqqq: 1, containers:')}`)), key: 'scenarioError.schema.fieldsMore' },
  { name: 'a missing name', text: scenario(groups('{instanceType: t3.medium, minSize: 1, maxSize: 2}')), key: 'scenarioError.schema.required' },
  { name: 'a word for a number', text: scenario(groups('{name: a, instanceType: t3.medium, minSize: abc, maxSize: 2}')), key: 'scenarioError.api.type' },
  { name: 'a list for a quantity', text: scenario(`${ok}\n  load: [{target: web, cpuPerRequest: [1], clients: {count: 1}}]`, deployment(DEPLOY_SPEC)), key: 'scenarioError.schema.or' },
  { name: 'a negative quantity', text: scenario(`${ok}\n  load: [{target: web, cpuPerRequest: "-1", clients: {count: 1}}]`, deployment(DEPLOY_SPEC)), key: 'scenarioError.api.atLeast' },
  { name: 'more replicas than int32', text: scenario(ok, deployment(`  replicas: 99999999999\n${DEPLOY_SPEC}`)), key: 'scenarioError.schema.int32' },
  { name: 'more replicas than simulated', text: scenario(ok, deployment(`  replicas: 200000\n${DEPLOY_SPEC}`)), key: 'scenarioError.schema.tooManyPods' },
  { name: 'more nodes than simulated', text: scenario(groups('{name: a, instanceType: t3.medium, minSize: 1, maxSize: 100000}')), key: 'scenarioError.schema.tooManyNodes' },
  { name: 'longer than simulated', text: scenario(`${ok}\n  duration: 1000h`), key: 'scenarioError.schema.tooLong' },
  { name: 'a negative size', text: scenario(groups('{name: a, instanceType: t3.medium, minSize: -1, maxSize: 2}')), key: 'scenarioError.api.atLeast' },
  { name: 'an HPA with maxReplicas 0', text: `${scenario(ok, deployment(DEPLOY_SPEC))}---\n${hpa('1', '0')}`, key: 'scenarioError.api.above' },
  { name: 'an HPA with a word for maxReplicas', text: `${scenario(ok, deployment(DEPLOY_SPEC))}---\n${hpa('1', 'ten')}`, key: 'scenarioError.api.int32' },
  { name: 'an HPA past the capacity', text: `${scenario(ok, deployment(DEPLOY_SPEC))}---\n${hpa('1', '999999')}`, key: 'scenarioError.api.invalidValue' },
  { name: 'an empty load profile', text: scenario(`${ok}\n  load: [{target: web, cpuPerRequest: 20m, profile: []}]`, deployment(DEPLOY_SPEC)), key: 'scenarioError.zod.tooSmall.size' },
  { name: 'a region the catalog lacks', text: scenario(`${ok}\n  region: mars-1`), key: 'scenarioError.api.unsupported' },
  { name: 'a word for a time', text: scenario(`${ok}\n  timeline: [{at: soon, run: "kubectl get pods"}]`), key: 'scenarioError.duration.invalid' },
  { name: 'a number for a duration', text: scenario(`${ok}\n  duration: 30`), key: 'scenarioError.duration.number' },
  { name: 'an empty duration', text: scenario(`${ok}\n  duration: ""`), key: 'scenarioError.duration.empty' },
  { name: 'a node group name with a space', text: scenario(groups('{name: "n g", instanceType: t3.medium, minSize: 1, maxSize: 2}')), key: 'scenarioError.schema.nodeGroupName' },
  { name: 'a queue name with a space', text: scenario(`${ok}\n  queues: [{name: "q 1", producer: {profile: [{at: 0s, rate: 1}]}, consumer: {target: web}}]`), key: 'scenarioError.schema.queueName' },
  { name: 'a start time that is no instant', text: scenario(`${ok}\n  startTime: tomorrow`), key: 'scenarioError.schema.isoInstant' },
  { name: 'a near instance type', text: scenario(groups('{name: a, instanceType: t3.mediun, minSize: 1, maxSize: 2}')), key: 'scenarioError.instanceType.near' },
  { name: 'an instance type of a known family', text: scenario(groups('{name: a, instanceType: t3.gigantic, minSize: 1, maxSize: 2}')), key: 'scenarioError.instanceType.family' },
  { name: 'an instance type of no family', text: scenario(groups('{name: a, instanceType: zz9.huge, minSize: 1, maxSize: 2}')), key: 'scenarioError.instanceType.catalog' },
  { name: 'a list for a manifest', text: `${scenario(ok)}---\n- a\n`, key: 'scenarioError.manifest.notMapping' },
  { name: 'a word for a manifest', text: `${scenario(ok)}---\nhello\n`, key: 'scenarioError.value.other' },
  { name: 'no apiVersion', text: `${scenario(ok)}---\nkind: Deployment\nmetadata: {name: a}\n`, key: 'scenarioError.manifest.fieldRequired' },
  { name: 'a kind nobody serves', text: `${scenario(ok)}---\napiVersion: apps/v1\nkind: Frobnicator\nmetadata: {name: a}\n`, key: 'scenarioError.manifest.noMatches' },
  { name: 'a kind in another version', text: `${scenario(ok)}---\napiVersion: v1\nkind: Deployment\nmetadata: {name: a}\n`, key: 'scenarioError.manifest.servedAs' },
  { name: 'a misspelt kind', text: `${scenario(ok)}---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: a}\n`, key: 'scenarioError.manifest.nearKind' },
  { name: 'a pod naming a PriorityClass nobody defined', text: `${scenario(ok)}${deployment(DEPLOY_SPEC.replace('spec: {containers', 'spec: {priorityClassName: batch, containers'))}`, key: 'scenarioError.manifest.unknownPriorityClass' },
  { name: 'two default PriorityClasses', text: `${scenario(ok)}${pc('a', 1, true)}${pc('b', 2, true)}`, key: 'scenarioError.manifest.secondGlobalDefault' },
  { name: 'a user PriorityClass above 10^9', text: `${scenario(ok)}${pc('huge', 1000000001)}`, key: 'scenarioError.manifest.priorityTooHigh' },
  { name: 'a PriorityClass named system-', text: `${scenario(ok)}${pc('system-mine', 5)}`, key: 'scenarioError.manifest.priorityReserved' },
  { name: 'a built-in PriorityClass with another value', text: `${scenario(ok)}${pc('system-node-critical', 5)}`, key: 'scenarioError.manifest.priorityImmutable' },
];

function errorsOf(text: string): ScenarioError[] {
  const r = loadScenario(text, 'imported.yaml');
  return r.ok ? [] : r.errors;
}

const HANGUL = /[\uac00-\ud7a3]/;
const trees = localeTrees();
const inTree = (tree: Record<string, unknown>, key: string) => {
  let node: unknown = tree;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string';
};

describe('scenario loader errors in the reader’s language', () => {
  const failures = cases.map((c) => ({ ...c, errors: errorsOf(c.text) }));
  const all = failures.flatMap((f) => f.errors.map((e) => ({ name: f.name, e })));

  it('each bad file fails with an error that uses the expected key (the paths are reached)', () => {
    for (const f of failures) {
      const keys = f.errors.flatMap((e) => (e.msg ? messageKeys(e.msg) : []));
      expect(keys, `${f.name}: ${f.errors.map(formatError).join(' | ')}`).toContain(f.key);
    }
  });

  it('English renders exactly as the CLI prints (formatError)', () => {
    // A command's multi-line error is one line in the file's error; the Message keeps its lines.
    const oneLine = (s: string) => s.replace(/\n+/g, ' ').replace(/\t/g, '');
    for (const { name, e } of all) expect(oneLine(en(scenarioErrorMessage(e))), name).toBe(formatError(e));
  });

  it('Korean says where in Korean and the playground’s own words in Korean; nothing is left as a key', () => {
    for (const { name, e } of all) {
      const text = ko(scenarioErrorMessage(e));
      expect(text, name).toMatch(new RegExp(`^imported\\.yaml ${e.line}번째 줄 ${e.col}열[,:]`));
      expect(text, name).not.toMatch(/\{\{|scenarioError\.|parserError\.|scenarioNote\./);
      if (e.msg) {
        // Past the place, the sentence itself is Korean (the parsers' and zod's words only inside quotes).
        const sentence = text.replace(/^[^:]*: /, '').replace(/"[^"]*"/g, '');
        expect(sentence, name).toMatch(HANGUL);
      }
    }
  });

  it('a parser’s own text is quoted inside a sentence that says why', () => {
    const [tab] = failures.find((f) => f.name === 'a tab indent')!.errors;
    expect(ko(scenarioErrorMessage(tab))).toBe('imported.yaml 2번째 줄 1열: YAML로 읽을 수 없습니다. 들여쓰기에 탭을 썼습니다. YAML은 공백으로만 들여씁니다 (파서의 메시지: "Tabs are not allowed as indentation")');
    expect(formatError(tab)).toBe('imported.yaml:2:1: YAML: a tab is used to indent; YAML indents with spaces only (the parser says: "Tabs are not allowed as indentation")');
  });

  it('a mis-indented list item is explained as one, not as a missing quote or bracket', () => {
    const [item] = failures.find((f) => f.name === 'a list item without its dash')!.errors;
    // At the item (column 4), not at column 1 where the parser puts it (the end of the item above).
    expect(formatError(item)).toBe('imported.yaml:4:4: YAML: a list item has no "- " in front of it, or is indented differently from the item above it (the parser says: "Sequence item without - indicator")');
    expect(ko(scenarioErrorMessage(item))).toContain('목록 항목 앞에 "- "가 없거나');
  });

  it('the import’s typical failure (a zone the region does not have) reads in Korean', () => {
    const [zone] = failures.find((f) => f.name === 'a zone the region lacks')!.errors;
    expect(ko(scenarioErrorMessage(zone))).toBe(
      'imported.yaml 5번째 줄 83열, spec.nodeGroups[0].zones[0]: 지원하지 않는 값 "ap-northeast-2z": ap-northeast-2의 가용 영역은 ap-northeast-2a, ap-northeast-2b, ap-northeast-2c, ap-northeast-2d입니다',
    );
  });

  it('zod’s generic words read in Korean, with the bound, the type and the allowed values', () => {
    /** zod's English phrases and the English the API server's and the playground's own words open with. */
    const ENGLISH_ZOD = /Too (small|big)|expected|Invalid (input|option|string|value)|Unsupported value|supported values|Required value|must (be|have|match)|invalid duration|\bitems\b|characters/;
    const koOf = (name: string) => failures.find((f) => f.name === name)!.errors.map((e) => ko(scenarioErrorMessage(e)));
    const expectations: [string, RegExp][] = [
      ['an empty load profile', /spec\.load\[0\]\.profile: 너무 작습니다: 목록은\(는\) 항목 1개 이상이어야 합니다$/],
      ['a region the catalog lacks', /spec\.region: 지원하지 않는 값 "mars-1": 쓸 수 있는 값: "ap-northeast-2"/],
      ['a word for a time', /spec\.timeline\[0\]\.at: 잘못된 기간 "soon"/],
      ['a number for a duration', /spec\.duration: 90s, 30m, 1h30m 같은 기간\(단위: ms, s, m, h\)이어야 하는데 30입니다/],
      ['a missing name', /spec\.nodeGroups\[0\]\.name: 필수 값이 없습니다: 문자열 값이 필요합니다$/],
      ['a list for a quantity', /문자열 또는 숫자 값이어야 하는데 목록입니다$/],
      ['a queue name with a space', /spec\.queues\[0\]\.name: 큐 이름은/],
    ];
    for (const [name, want] of expectations) {
      const [first] = koOf(name);
      expect(first, name).toMatch(want);
      expect(first, name).not.toMatch(ENGLISH_ZOD);
    }
  });

  it('every key the errors use exists in English and Korean, and every scenarioError key is used', () => {
    const used = new Set(all.flatMap(({ e }) => messageKeys(scenarioErrorMessage(e))));
    expect([...used].filter((k) => !inTree(trees.en, k))).toEqual([]);
    expect([...used].filter((k) => !inTree(trees.ko, k))).toEqual([]);
    const defined: string[] = [];
    const walk = (node: unknown, prefix: string) => {
      if (typeof node === 'string') defined.push(prefix);
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    };
    walk(trees.en.scenarioError, 'scenarioError');
    // Not reachable from a file: the loader's own crash, a validator that throws, zod checks the schemas do not use.
    // api.atMost/below: no number in a file has an upper bound but the playground's own (those say so);
    // value.string and zod.too_small: a wrong type or a number past a bound now reads as the API server's.
    const unreachable = ['scenarioError.api.atMost', 'scenarioError.api.below', 'scenarioError.value.string', 'scenarioError.zod.too_small', 'scenarioError.internal', 'scenarioError.manifest.validatorFailed', 'scenarioError.value.map', 'scenarioError.value.number', 'scenarioError.value.boolean', 'scenarioError.schema.anotherShape', 'scenarioError.zod.too_big', 'scenarioError.zod.invalid_format', 'scenarioError.zod.other'];
    // zod's generic wording for checks the schemas do not use, and a duration of no type YAML has: zodGeneric.test.ts.
    const generic = (k: string) => /^scenarioError\.zod\.(tooSmall|tooBig|bound|amount|format|type)\.|^scenarioError\.zod\.(notMultipleOf|invalidKey|invalidElement)$/.test(k) || k === 'scenarioError.duration.type';
    expect(defined.filter((k) => !used.has(k) && !unreachable.includes(k) && !generic(k))).toEqual([]);
  });
});

describe('the parsers’ reasons', () => {
  it('every YAML and JSON reason has its English twin in the English file and a Korean sentence', () => {
    for (const [code, text] of Object.entries(YAML_WHY)) {
      expect(en({ key: `parserError.yaml.${code}` }), code).toBe(text);
      expect(ko({ key: `parserError.yaml.${code}` }), code).toMatch(HANGUL);
    }
    for (const [kind, text] of Object.entries(JSON_WHY)) {
      expect(en({ key: `parserError.json.${kind}` }), kind).toBe(text);
      expect(ko({ key: `parserError.json.${kind}` }), kind).toMatch(HANGUL);
    }
  });
});
