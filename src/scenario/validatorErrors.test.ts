import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, scenarioErrorMessage, type ScenarioError } from './errors';
import { loadScenario } from './loadScenario';
import { en, ko } from '../testing/messages';
import '../sim/bootstrap';

/**
 * The autoscalers' own manifest checks (VPA, Karpenter, KEDA's capacity bound) reach the YAML tab
 * in the reader's language, like the loader's: field paths and API-worded text stay as written,
 * the playground's sentences are Korean. English stays what the CLI prints (formatError).
 */
const HANGUL = /[\uac00-\ud7a3]/;
const ENGLISH_RUN = /\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/i;
const example = (name: string) => readFileSync(new URL(`../../examples/${name}.yaml`, import.meta.url), 'utf8');

function errorsOf(text: string): ScenarioError[] {
  const r = loadScenario(text, 'x.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

const CASES: [string, string, string, RegExp][] = [
  ['VPA: minReplicas not a positive integer', example('vpa-hamster').replace('updateMode: "Auto"', 'updateMode: "Auto"\n    minReplicas: 0'), 'must be a positive integer', /양의 정수여야 합니다/],
  ['VPA: a resource it does not recommend', example('vpa-hamster').replace('          cpu: 100m', '          cpu: 100m\n          gpu: 1'), 'unsupported resource "gpu": the VPA recommends cpu and memory', /지원하지 않는 리소스 "gpu"입니다/],
  ['VPA: a negative quantity', example('vpa-hamster').replace('          cpu: 100m', '          cpu: -100m'), 'must be greater than or equal to 0 (got -100m)', /0 이상이어야 합니다 \(받은 값: -100m\)/],
  ['VPA: containerName missing', example('vpa-hamster').replace("- containerName: '*'", "- containerName: ''"), 'required (a container name or "*")', /필수 값입니다 \(컨테이너 이름 또는 "\*"\)/],
  ['Karpenter: a bad consolidationPolicy', example('karpenter-inflate').replace('consolidationPolicy: WhenEmpty', 'consolidationPolicy: Sometimes'), 'must be WhenEmpty or WhenEmptyOrUnderutilized', /WhenEmpty 또는 WhenEmptyOrUnderutilized여야 합니다/],
  ['Karpenter: Gt with two values', example('karpenter-inflate').replace('values: ["2"]', 'values: ["2", "3"]'), 'Gt needs exactly one integer value', /Gt에는 정수 값이 정확히 하나 있어야 합니다/],
  ['Karpenter: an unknown operator', example('karpenter-inflate').replace('operator: Gt', 'operator: Greater'), 'must be one of In, NotIn, Exists, DoesNotExist, Gt, Lt', /가운데 하나여야 합니다/],
  ['Karpenter: a bad weight', example('karpenter-inflate').replace('  disruption:\n    consolidationPolicy', '  weight: 500\n  disruption:\n    consolidationPolicy'), 'must be an integer from 1 to 100', /1부터 100까지의 정수여야 합니다/],
  ['KEDA: more replicas than the playground simulates', example('keda-cron').replace('maxReplicaCount: 2', 'maxReplicaCount: 999999'), 'Invalid value: 999999: more replicas than the playground simulates (at most 150,000 pods)', /잘못된 값 999999: 플레이그라운드가 시뮬레이션하는 한도\(파드 최대 150,000개\)를 넘는 레플리카 수입니다/],
];

describe('autoscaler manifest checks in the reader’s language', () => {
  it.each(CASES)('%s', (_, text, english, korean) => {
    const errors = errorsOf(text);
    const e = errors.find((x) => x.message === english || x.message.startsWith(english));
    expect(e, errors.map(formatError).join('\n')).toBeDefined();
    if (!e) return;
    expect(e.msg).toBeDefined();
    const m = scenarioErrorMessage(e);
    expect(en(m)).toBe(formatError(e));
    const k = ko(m);
    expect(k).toMatch(korean);
    expect(k).toMatch(HANGUL);
    expect(k).toMatch(new RegExp(`^x\\.yaml ${e.line}번째 줄 ${e.col}열`));
    const what = k.replace(/^[^:]*: /, '').replace(/"[^"]*"/g, '').replace(/In, NotIn, Exists, DoesNotExist, Gt, Lt|WhenEmptyOrUnderutilized|WhenEmpty/g, '');
    expect(what, k).not.toMatch(ENGLISH_RUN);
  });
});
