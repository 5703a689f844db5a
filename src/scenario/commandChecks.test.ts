import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './commandLine';
import { validateCommand } from './commandSchema';
import { CHECK_EN, commandCheckEnglish, commandProblemMessage } from './commandChecks';
import { en, ko } from '../testing/messages';
import { localeTrees } from '../ui/i18n';

/**
 * The playground's own checks on a command (commandSchema.ts) reach the console in the reader's
 * language, naming the flag as it was typed; English stays a plain sentence. kubectl's own errors
 * for the same flags stay as kubectl prints them.
 */
const LINES: [string, string][] = [
  ['kubectl scale --replicas=999999 deployment/php-apache', 'error: --replicas=999999 is more than the playground simulates (at most 150,000 pods)'],
  ['kubectl scale --replicas=3000000000 deployment/php-apache', 'error: --replicas=3000000000 is out of range: spec.replicas is an int32 (at most 2147483647)'],
  ['kubectl autoscale deployment php-apache --max=999999', 'error: --max=999999 is more than the playground simulates (at most 150,000 pods)'],
  ['kubectl autoscale deployment php-apache --min=999999 --max=1000000', 'error: --min=999999 is more than the playground simulates (at most 150,000 pods)'],
  ['aws autoscaling update-auto-scaling-group --auto-scaling-group-name ng1 --max-size 99999', 'error: --max-size=99999 is more than the playground simulates (at most 5,000 nodes)'],
  ['aws autoscaling update-auto-scaling-group --auto-scaling-group-name ng1 --desired-capacity 6000', 'error: --desired-capacity=6000 is more than the playground simulates (at most 5,000 nodes)'],
  ['aws autoscaling update-auto-scaling-group --auto-scaling-group-name ng1 --min-size -1', 'error: --min-size=-1 must be greater than or equal to 0'],
  [`kubectl patch hpa php-apache -p '{"spec":{"maxReplicas":999999}}'`, 'error: spec.maxReplicas=999999 is more than the playground simulates (at most 150,000 pods)'],
  ['kubectl set resources deployment php-apache --requests=cpu=99999999', 'error: --requests=cpu=99999999000m is more than the playground accepts for a container (at most 1000000000m)'],
  [`kubectl scale --replicas=3 deployment/${'a'.repeat(300)}`, `error: name=${'a'.repeat(30)}… is longer than 253 characters`],
  [`kubectl scale --replicas=3 deployment/php-apache -n ${'n'.repeat(70)}`, `error: --namespace=${'n'.repeat(30)}… is longer than 63 characters`],
];

const HANGUL = /[\uac00-\ud7a3]/;
/** Three English words in a row outside the quoted setting: an untranslated sentence. */
const ENGLISH_RUN = /\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/i;

function koreanProse(text: string, setting: string): string {
  return text.replace(setting, '').replace(/"[^"]*"/g, '');
}

describe("the console's words for a refused command field", () => {
  it.each(LINES)('%s', (line, english) => {
    const r = parseCommandLine(line);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(english);
    expect(r.msg, r.error).toBeDefined();
    if (!r.msg) return;
    expect(en(r.msg)).toBe(r.error);
    const k = ko(r.msg);
    expect(k).toMatch(HANGUL);
    expect(k).not.toMatch(/\{\{|commandCheck\./);
    const setting = english.slice('error: '.length).split(' ')[0];
    expect(koreanProse(k, setting)).not.toMatch(ENGLISH_RUN);
  });

  it('every commandCheck key has the same English in the file and in CHECK_EN, and Korean without an English sentence', () => {
    const trees = localeTrees();
    const enTree = (trees.en as { commandCheck: Record<string, string> }).commandCheck;
    const koTree = (trees.ko as { commandCheck: Record<string, string> }).commandCheck;
    expect(enTree).toEqual(CHECK_EN);
    expect(Object.keys(koTree).sort()).toEqual(Object.keys(CHECK_EN).sort());
    for (const [key, template] of Object.entries(koTree)) {
      expect(template, key).toMatch(HANGUL);
      expect(template.replace(/\{\{\w+\}\}/g, '').replace(/spec\.replicas|int32/g, ''), key).not.toMatch(ENGLISH_RUN);
    }
  });

  it("every check the schema makes on a field reaches a worded message (share-link shapes too)", () => {
    const bad: unknown[] = [
      { type: 'scale', kind: 'deployment', name: '', namespace: 'default', replicas: 1 },
      { type: 'scale', kind: 'deployment', name: 'a', namespace: 'default', replicas: 1.5 },
      { type: 'scale', kind: 'deployment', name: 'a', namespace: 'default', replicas: '3' },
      { type: 'autoscale', kind: 'deployment', name: 'a', namespace: 'default', max: 0 },
      { type: 'setHpaBounds', name: 'a', namespace: 'default', targetCpu: 0 },
      { type: 'setLoad', target: 'a', rps: 1e8 },
      { type: 'setLoad', target: 'a', clients: 1e6 },
      { type: 'setLoad', target: 'a', rps: -1 },
      { type: 'setLoad', target: 'a', thinkTimeMs: 1e12 },
      { type: 'zoneOutage', zone: 'a', durationMs: 0 },
      { type: 'terminateInstances', instanceIds: [] },
      { type: 'terminateInstances', instanceIds: ['x'.repeat(65)] },
      { type: 'autoscale', kind: 'deployment', name: 'a', namespace: 'default', max: 3, cpuPercent: 3e9 },
      { type: 'view', line: 'x'.repeat(100_001), args: [] },
    ];
    const seen = new Set<string>();
    for (const value of bad) {
      const checked = validateCommand(value);
      expect(checked.ok).toBe(false);
      if (checked.ok || !checked.problem) throw new Error(`no problem for ${JSON.stringify(value).slice(0, 80)}`);
      const m = commandProblemMessage(checked.problem);
      seen.add(m.key);
      expect(en(m)).toBe(commandCheckEnglish(m));
      expect(ko(m)).toMatch(HANGUL);
      expect(ko(m)).not.toMatch(/\{\{/);
    }
    expect(seen.size).toBeGreaterThanOrEqual(12);
  });

  it("kubectl's own refusals of the same flags stay as kubectl prints them", () => {
    const r = parseCommandLine('kubectl scale --replicas=-1 deployment/php-apache');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
      expect(r.msg).toBeUndefined();
    }
  });
});
