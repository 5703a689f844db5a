import { afterAll, describe, expect, it } from 'vitest';
import { formatError } from '../scenario/errors';
import { loadScenario } from '../scenario/loadScenario';
import { i18next } from '../ui/i18n';
import { openScenarioText } from './runLoader';
import { parseScenarioText } from './scenarioLoading';
import { usePlayground } from '../store/playgroundStore';
import '../sim/bootstrap';

/**
 * A scenario the app opens (the scenario picker, a share link, a lesson's scenario) fails with the
 * same sentences as the YAML editor and a lesson file: in Korean, located in Korean; in English, as
 * the CLI prints them.
 */
const BROKEN = `apiVersion: playground/v1alpha1
kind: Scenario
metadata: {name: broken}
spec:
  nodeGroups: [{name: ng1, instanceType: t3.medium, minSize: 1, maxSize: 3}]
  load: [{target: web, cpuPerRequest: 20m, profile: []}]
  durration: 5m
`;

afterAll(() => i18next.changeLanguage('en'));

describe('errors of a scenario the app opens', () => {
  it('read in English as the CLI prints them', async () => {
    await i18next.changeLanguage('en');
    const r = parseScenarioText(BROKEN, 'examples/broken.yaml');
    const cli = loadScenario(BROKEN, 'examples/broken.yaml');
    if (r.ok || cli.ok) throw new Error('expected errors');
    expect(r.errors).toEqual(cli.errors.map(formatError));
  });

  it('read in Korean, located, with the bound and the nearest field', async () => {
    await i18next.changeLanguage('ko');
    const r = parseScenarioText(BROKEN, 'examples/broken.yaml');
    if (r.ok) throw new Error('expected errors');
    expect(r.errors).toEqual([
      'examples/broken.yaml 6번째 줄 53열, spec.load[0].profile: 너무 작습니다: 목록은(는) 항목 1개 이상이어야 합니다',
      expect.stringMatching(/^examples\/broken\.yaml 7번째 줄 3열, spec\.durration: 알 수 없는 필드 "durration"입니다\("duration"을\(를\) 쓰려던 것인가요\?\)/),
    ]);
  });

  it('the picker’s loader returns them so, and leaves the run on screen alone', async () => {
    await i18next.changeLanguage('ko');
    const before = usePlayground.getState().scenario;
    const opened = await openScenarioText(BROKEN, 'examples/broken.yaml');
    expect(usePlayground.getState().scenario).toBe(before);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.errors[0]).toMatch(/^examples\/broken\.yaml 6번째 줄 53열, spec\.load\[0\]\.profile: 너무 작습니다/);
  });
});
