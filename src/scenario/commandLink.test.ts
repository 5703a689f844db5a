import { describe, expect, it } from 'vitest';
import { validateCommand } from './commandSchema';
import { CHECK_LINK } from './commandChecks';
import { loadScenario } from './loadScenario';
import { formatError, scenarioErrorMessage } from './errors';
import { en, ko } from '../testing/messages';
import { msg } from '../sim/core/message';
import { localeTrees } from '../ui/i18n';
import '../sim/bootstrap';

/**
 * A command refused by its schema outside the console (a share link's `x=`, a scenario's
 * `timeline[].command:`) is worded in the link's terms: the Command's JSON fields. The English is
 * what the CLI prints, byte for byte; Korean is a Korean sentence around the field names.
 */
const HANGUL = /[\uac00-\ud7a3]/;
/** Three English words in a row, once quoted values, field paths and JSON type names are set aside: an untranslated sentence. */
const ENGLISH_RUN = /\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/i;
const prose = (text: string) => text.replace(/"[^"]*"/g, '').replace(/\([^)]*validator[^)]*\)/g, '');

const BAD: [string, unknown, string][] = [
  ['not a map', null, 'command: must be a map with a "type" (got null)'],
  ['a list', [1], 'command: must be a map with a "type" (got a list)'],
  ['type not a string', { type: 5 }, 'command: type: must be one of the command types (got 5)'],
  [
    'unknown type, near one',
    { type: 'semsLoad' },
    'command "semsLoad": type: unknown command type (did you mean "setLoad"?)',
  ],
  ['unknown type', { type: 'zzzzzzzz' }, 'command "zzzzzzzz": type: unknown command type'],
  [
    'past the pod capacity',
    { type: 'scale', kind: 'Deployment', name: 'web', namespace: 'default', replicas: 999_999 },
    'command "scale": replicas: is more than the playground simulates (150,000 pods) (',
  ],
  [
    'a missing field',
    { type: 'scale', kind: 'Deployment', namespace: 'default', replicas: 3 },
    'command "scale": name: must be string (missing)',
  ],
  [
    'a wrong type',
    { type: 'scale', kind: 'Deployment', name: 'web', namespace: 'default', replicas: 'three' },
    'command "scale": replicas: must be number (got "three")',
  ],
  [
    'a map where a name goes',
    { type: 'scale', kind: 'Deployment', name: { a: 1 }, namespace: 'default', replicas: 3 },
    'command "scale": name: must be string (got a map)',
  ],
  [
    'past the node capacity',
    { type: 'updateAsg', name: 'ng1', maxSize: 99_999 },
    'command "updateAsg": maxSize: is more than the playground simulates (5,000 nodes) (got 99999)',
  ],
  [
    'empty name',
    { type: 'scale', kind: 'Deployment', name: '', namespace: 'default', replicas: 3 },
    'command "scale": name: must not be empty (got "")',
  ],
];

describe('a command refused by its schema, in the link’s words', () => {
  it.each(BAD)(
    '%s: English as the CLI prints it, Korean without an English sentence',
    (_, value, english) => {
      const r = validateCommand(value);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.startsWith(english), r.error).toBe(true);
      expect(en(r.msg)).toBe(r.error);
      const k = ko(r.msg);
      expect(k).toMatch(HANGUL);
      expect(k).not.toMatch(/\{\{|commandLink\./);
      expect(prose(k), k).not.toMatch(ENGLISH_RUN);
    },
  );

  it('every reason has the English of CHECK_LINK and a Korean sentence', () => {
    const trees = localeTrees();
    const enWhy = (trees.en as { commandLink: { why: Record<string, string> } }).commandLink.why;
    const koWhy = (trees.ko as { commandLink: { why: Record<string, string> } }).commandLink.why;
    const params = { max: '' };
    for (const [why, text] of Object.entries(CHECK_LINK)) {
      const m = msg(
        `commandLink.why.${why}`,
        why === 'tooManyPods' ? { max: '150,000' } : why === 'tooManyNodes' ? { max: '5,000' } : params,
      );
      expect(en(m), why).toBe(text);
      expect(koWhy[why], why).toMatch(HANGUL);
    }
    expect(Object.keys(koWhy).sort()).toEqual(Object.keys(enWhy).sort());
  });

  it('a scenario’s timeline `command:` that fails its schema: located, and Korean in the YAML tab', () => {
    const text = [
      'apiVersion: playground/v1alpha1',
      'kind: Scenario',
      'metadata: {name: bad-command}',
      'spec:',
      '  nodeGroups: [{name: ng1, instanceType: t3.medium, minSize: 1, maxSize: 3, desiredCapacity: 1}]',
      '  timeline:',
      '    - {at: 1m, run: "scale it", command: {type: scale, kind: Deployment, name: web, namespace: default, replicas: 999999}}',
      '',
    ].join('\n');
    const r = loadScenario(text, 'bad.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === 'spec.timeline[0].command');
    expect(e, r.errors.map(formatError).join('\n')).toBeDefined();
    if (!e) return;
    expect(formatError(e)).toMatch(
      /^bad\.yaml:7:\d+: spec\.timeline\[0\]\.command: command "scale": replicas: is more than the playground simulates \(150,000 pods\) \(got 999999\)$/,
    );
    expect(e.msg).toBeDefined();
    expect(en(scenarioErrorMessage(e))).toBe(formatError(e));
    const k = ko(scenarioErrorMessage(e));
    expect(k).toMatch(
      /^bad\.yaml 7번째 줄 \d+열, spec\.timeline\[0\]\.command: 명령 "scale"의 replicas: 플레이그라운드가 시뮬레이션하는 한도\(파드 150,000개\)를 넘습니다 \(받은 값: 999999\)$/,
    );
  });
});
