import fc from 'fast-check';
import LZString from 'lz-string';
import type { TimedCommand } from '../sim/core/commands';
import { EXAMPLES, realLinks } from './targets';

const links = realLinks();
const real = fc.constantFrom(...links);

function flipBit(s: string, at: number, bit: number): string {
  const i = at % Math.max(1, s.length);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ (1 << bit)) + s.slice(i + 1);
}

/** A flipped bit inside the decompressed x= JSON: damage the link's structured commands meaningfully. */
function flipInsideX(link: string, at: number, bit: number): string {
  const m = /&x=([^&]*)/.exec(link);
  if (!m) return link;
  const json = LZString.decompressFromEncodedURIComponent(m[1]) ?? '';
  return link.replace(m[1], LZString.compressToEncodedURIComponent(flipBit(json, at, bit)));
}

/** Share links: random, truncated, bit-flipped (in the hash and inside its commands), spliced real links. */
export const linkArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ maxLength: 200 }).map((s) => `#s=${s}`),
  fc.tuple(real, fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1))),
  fc.tuple(real, fc.nat(), fc.integer({ min: 0, max: 6 })).map(([l, at, bit]) => flipBit(l, at, bit)),
  fc.tuple(real, fc.nat(), fc.integer({ min: 0, max: 6 })).map(([l, at, bit]) => flipInsideX(l, at, bit)),
  fc.tuple(real, real, fc.nat(), fc.nat()).map(([a, b, i, j]) => a.slice(0, i % (a.length + 1)) + b.slice(j % (b.length + 1))),
  fc.tuple(real, fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 20 }))).map(([l, t]) => l.replace(/&t=\d+/, `&t=${String(t)}`)),
);

const WEIRD_VALUES = ['-1', '0', '99999999999999999999', '1e9', '"x"', 'null', '[]', '{}', '~', '&a', '*a', '!!binary x', "'", '"', '- x', '{a: [', '3000000000', '0.5', 'NaN', '.inf'];

type Mutation = { kind: 'delete' | 'duplicate'; line: number } | { kind: 'char'; at: number; ch: string } | { kind: 'value'; line: number; value: string } | { kind: 'deep'; line: number; depth: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('char' as const), at: fc.nat(), ch: fc.constantFrom(' ', ':', '-', '[', '{', '#', '\t', '"', "'", '\n', 'x', '0', '|', '>', '*', '&', '!', '%', '@') }),
  fc.record({ kind: fc.constant('value' as const), line: fc.nat(), value: fc.constantFrom(...WEIRD_VALUES) }),
  fc.record({ kind: fc.constant('deep' as const), line: fc.nat(), depth: fc.integer({ min: 1, max: 400 }) }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  if (m.kind === 'char') {
    const i = m.at % (text.length + 1);
    return text.slice(0, i) + m.ch + text.slice(i + 1);
  }
  const i = m.line % lines.length;
  if (m.kind === 'delete') lines.splice(i, 1);
  else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]);
  else if (m.kind === 'value') lines[i] = lines[i].replace(/:\s+\S.*$/, `: ${m.value}`);
  else if (m.kind === 'deep') lines.splice(i, 0, `x${i}: ${'['.repeat(m.depth)}${']'.repeat(m.depth)}`);
  return lines.join('\n');
}

/** Scenario files: a real example with one to four mutations (lines, characters, values, nesting). */
export const yamlArb: fc.Arbitrary<string> = fc
  .tuple(fc.nat(EXAMPLES.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([e, ms]) => ms.reduce(mutate, EXAMPLES[e].text));

const PC_NAMES = ['overprovisioning', 'high', 'system-custom', 'system-node-critical', 'Bad_Name', '', 'a'.repeat(254)];
const PC_VALUES = ['-1', '0', '1000000000', '1000000001', '2147483648', '-2147483649', '0.5', '"high"', 'null', '[]', '1e9'];

/** One PriorityClass document with values at and past the API's limits, and a Deployment that names a class. */
const priorityClassDocArb: fc.Arbitrary<string> = fc
  .record({
    // Mostly valid, so the accepted path (the engine running the class) is fuzzed as well as the refusals.
    name: fc.oneof({ arbitrary: fc.constant('overprovisioning'), weight: 4 }, fc.constantFrom(...PC_NAMES), fc.string({ maxLength: 30 })),
    value: fc.oneof({ arbitrary: fc.constantFrom('-1', '-20', '100'), weight: 4 }, fc.constantFrom(...PC_VALUES), fc.integer().map(String)),
    globalDefault: fc.oneof({ arbitrary: fc.constant('false'), weight: 4 }, fc.constantFrom('true', '"yes"')),
    policy: fc.oneof({ arbitrary: fc.constant('PreemptLowerPriority'), weight: 4 }, fc.constantFrom('Never', 'Sometimes', '""')),
  })
  .map(({ name, value, globalDefault, policy }) =>
    ['apiVersion: scheduling.k8s.io/v1', 'kind: PriorityClass', 'metadata:', `  name: ${JSON.stringify(name)}`, `value: ${value}`, `globalDefault: ${globalDefault}`, `preemptionPolicy: ${policy}`].join('\n'),
  );

/** Scenario files with one to three PriorityClasses (two global defaults, duplicates, names past the limits) and a workload naming one of them or none. */
export const priorityClassYamlArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(priorityClassDocArb, { minLength: 1, maxLength: 3 }), fc.oneof(fc.constantFrom(...PC_NAMES), fc.string({ maxLength: 20 })))
  .map(([classes, used]) => {
    const base = EXAMPLES.find((e) => e.file === 'ca-nginx-scaleout.yaml')!.text;
    const named = base.replace(/(kind: Deployment\nmetadata:\n {2}name: nginx-to-scaleout[\s\S]*?\n {4}spec:\n)/, `$1      priorityClassName: ${JSON.stringify(used)}\n`);
    return [named, ...classes].join('\n---\n');
  });

const WORDS = [
  'kubectl', 'aws', 'krr', 'playground', 'get', 'describe', 'scale', 'apply', 'delete', 'cordon', 'uncordon', 'drain', 'autoscale', 'run', 'patch', 'set', 'resources', 'rollout', 'restart', 'logs', 'top', 'edit',
  'deployment', 'deploy/php-apache', 'php-apache', 'pods', 'nodes', 'hpa', 'hpa/php-apache', 'node/ip-192-168-1-10', 'autoscaling', 'update-auto-scaling-group', 'set-desired-capacity', 'ec2', 'terminate-instances',
  '--replicas=4', '--replicas', '99999999999999999999', '--replicas=-1', '--min=1', '--max=10', '--max=2147483648', '--cpu-percent=50', '--cpu=0%', '-n', 'default', '-o', 'yaml', 'wide', '-p', `'{"spec":{"maxReplicas":8}}'`,
  `'{"spec":{"metrics":[]}}'`, '--type=json', '--auto-scaling-group-name', 'ng1', '--desired-capacity', '1000000000', '--min-size', '0', '--max-size', '-1', '--instance-ids', 'i-0123456789abcdef0', '--ignore-daemonsets',
  '--requests=cpu=100m', '--limits=memory=0', '-c', '*', '--image=busybox', '--', 'sh', '-c', '"', "'", '\\', '|', '&&', '$', '--=', '-', '=',
];

/** Console lines: words from the tools' vocabulary, flags with odd values, and stray quotes. */
export const consoleArb: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('deployment php-apache', 'deploy/php-apache', 'deployment php-apache nope', 'deployment nope'), fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.constantFrom(2147483648, 1e20))).map(([r, n]) => `kubectl scale ${r} --replicas=${n}`),
  fc.tuple(fc.constantFrom('pods', 'nodes', 'hpa', 'deploy', 'events', 'rs', 'vpa', 'pc', 'priorityclass', 'priorityclass/system-node-critical'), fc.constantFrom('', '-o wide', '-o yaml', '-o json', '-A', '-l run=php-apache')).map(([r, o]) => `kubectl get ${r} ${o}`),
  fc.tuple(fc.integer({ min: -3, max: 30 }), fc.integer({ min: -3, max: 300 })).map(([min, max]) => `kubectl patch hpa php-apache -p '{"spec":{"minReplicas":${min},"maxReplicas":${max}}}'`),
  fc.integer({ min: -1, max: 10_000 }).map((d) => `aws autoscaling set-desired-capacity --auto-scaling-group-name ng1 --desired-capacity ${d}`),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
  fc.tuple(fc.constantFrom('kubectl', 'aws', 'krr', 'playground'), fc.string({ maxLength: 60 })).map(([t, s]) => `${t} ${s}`),
);

const commandArb: fc.Arbitrary<TimedCommand['command']> = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map((replicas) => ({ type: 'scale' as const, kind: 'deployment', name: 'php-apache', namespace: 'default', replicas })),
  fc.integer({ min: 0, max: 50 }).map((clients) => ({ type: 'setLoad' as const, target: 'php-apache', clients })),
  fc.integer({ min: 0, max: 400 }).map((rps) => ({ type: 'setLoad' as const, target: 'php-apache', rps })),
  fc.integer({ min: 0, max: 8 }).map((d) => ({ type: 'updateAsg' as const, name: 'ng1', desiredCapacity: d })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 5, max: 20 }), fc.integer({ min: 10, max: 90 })).map(([min, max, targetCpu]) => ({ type: 'setHpaBounds' as const, name: 'php-apache', namespace: 'default', min, max, targetCpu })),
);

/** Valid scenarios: an example, a seed, and a timeline of valid commands within the run. */
export function scenarioArb(simMs: number) {
  return fc.record({
    example: fc.nat(EXAMPLES.length - 1),
    seed: fc.nat(1_000_000),
    log: fc
      .array(fc.tuple(fc.integer({ min: 1, max: simMs }), commandArb), { maxLength: 6 })
      .map((cs) => cs.sort((a, b) => a[0] - b[0]).map(([atMs, command]): TimedCommand => ({ atMs, input: `fuzz ${command.type}`, command }))),
  });
}
