import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessage, type Message } from '../core/message';
import { describeCheck } from './describe';
import type { Check, CheckType } from './types';

/** The UI's templates for one language (every locale file merged), read as the app reads them. */
function lookup(lang: 'en' | 'ko'): (key: string) => string | undefined {
  const dir = new URL(`../../ui/i18n/locales/${lang}/`, import.meta.url);
  const trees = readdirSync(dir).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Record<string, unknown>);
  return (key) => {
    for (const tree of trees) {
      let node: unknown = tree;
      for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
      if (typeof node === 'string') return node;
    }
    return undefined;
  };
}
const en = lookup('en');
const ko = lookup('ko');
const render = (m: Message, l: typeof en) => formatMessage(m, l);

/** Every check kind, with what an instructor reads for it in each language. */
const cases: { type: CheckType; check: Check; en: string; ko: string }[] = [
  { type: 'hpa', check: { type: 'hpa', name: 'php-apache', field: 'currentReplicas', op: '>=', value: 3 }, en: 'HPA php-apache: current replicas ≥ 3', ko: 'HPA php-apache: 현재 레플리카 수 ≥ 3' },
  { type: 'deployment', check: { type: 'deployment', name: 'web', namespace: 'shop', field: 'pending', op: '=', value: 0 }, en: 'Deployment shop/web: Pending pods = 0', ko: 'Deployment shop/web: Pending 파드 수 = 0' },
  { type: 'nodes', check: { type: 'nodes', nodeGroup: 'ng1', capacityType: 'spot', ready: true, op: '=', value: 5 }, en: 'Ready nodes (node group ng1, spot) = 5', ko: 'Ready 노드 수 (노드 그룹 ng1, spot) = 5' },
  { type: 'pods', check: { type: 'pods', phase: 'Pending', op: '>', value: 0 }, en: 'Pending pods > 0', ko: 'Pending 파드 수 > 0' },
  {
    type: 'event',
    check: { type: 'event', reason: 'TriggeredScaleUp', kind: 'Pod', eventType: 'Normal' },
    en: 'a TriggeredScaleUp event since this step began (on Pod, type Normal)',
    ko: '이 단계가 시작된 뒤 TriggeredScaleUp 이벤트 발생 (대상 Pod, 유형 Normal)',
  },
  { type: 'nodeClaim', check: { type: 'nodeClaim', capacityType: 'spot', registered: true, op: '>=', value: 1 }, en: 'Karpenter NodeClaims (spot, registered) ≥ 1', ko: 'Karpenter NodeClaim 수 (spot, 등록된 것만) ≥ 1' },
  { type: 'vpa', check: { type: 'vpa', name: 'hamster-vpa', resource: 'cpu', bound: 'target', op: '>=', value: 400 }, en: 'VPA hamster-vpa: target CPU ≥ 400m', ko: 'VPA hamster-vpa: CPU 권장값(target) ≥ 400m' },
  { type: 'scaledObject', check: { type: 'scaledObject', name: 'bank-api', active: true }, en: 'ScaledObject bank-api is Active', ko: 'ScaledObject bank-api: Active 상태' },
  { type: 'queue', check: { type: 'queue', name: 'orders', field: 'depth', op: '=', value: 0 }, en: 'queue orders: messages = 0', ko: '큐 orders: 메시지 수 = 0' },
  { type: 'cost', check: { type: 'cost', op: '<', value: 0.3 }, en: 'cost per hour < $0.3', ko: '시간당 비용 < $0.3' },
  { type: 'time', check: { type: 'time', op: '>=', value: 15 * 60_000 }, en: 'sim time ≥ 15m', ko: '시뮬레이션 시각 ≥ 15m' },
  { type: 'elapsed', check: { type: 'elapsed', op: '>=', value: 90_000 }, en: 'time since this step began ≥ 1m30s', ko: '이 단계가 시작된 뒤 지난 시간 ≥ 1m30s' },
  {
    type: 'all',
    check: { type: 'all', checks: [{ type: 'elapsed', op: '>=', value: 180_000 }, { type: 'deployment', name: 'php-apache', field: 'replicas', op: '>=', value: 5 }] },
    en: 'all of [time since this step began ≥ 3m, Deployment php-apache: replicas (spec) ≥ 5]',
    ko: '모두 충족 [이 단계가 시작된 뒤 지난 시간 ≥ 3m, Deployment php-apache: 레플리카 수(spec) ≥ 5]',
  },
  { type: 'any', check: { type: 'any', checks: [{ type: 'pods', phase: 'Ready', deployment: 'api', op: '>=', value: 2 }] }, en: 'any of [Ready pods (Deployment api) ≥ 2]', ko: '하나 이상 충족 [Ready 파드 수 (Deployment api) ≥ 2]' },
  { type: 'not', check: { type: 'not', check: { type: 'scaledObject', name: 'bank-api', active: false } }, en: 'not [ScaledObject bank-api is not Active]', ko: '다음이 아님 [ScaledObject bank-api: Active가 아닌 상태]' },
];

describe('describeCheck', () => {
  it('covers every check kind', () => {
    const kinds: Record<CheckType, true> = {
      hpa: true, deployment: true, nodes: true, pods: true, event: true, nodeClaim: true, vpa: true,
      scaledObject: true, queue: true, cost: true, time: true, elapsed: true, all: true, any: true, not: true,
    };
    expect(cases.map((c) => c.type).sort()).toEqual(Object.keys(kinds).sort());
  });
  for (const c of cases) {
    it(`${c.type}: in English and in Korean`, () => {
      const m = describeCheck(c.check);
      expect(render(m, en)).toBe(c.en);
      expect(render(m, ko)).toBe(c.ko);
    });
  }
  it('names the namespace only outside default, and every filter of a nodes check', () => {
    expect(render(describeCheck({ type: 'deployment', name: 'web', namespace: 'default', field: 'ready', op: '>=', value: 1 }), en)).toBe('Deployment web: Ready pods ≥ 1');
    expect(render(describeCheck({ type: 'nodes', nodePool: 'default', instanceType: 'm5.xlarge', op: '<=', value: 4 }), en)).toBe('nodes (NodePool default, m5.xlarge) ≤ 4');
    expect(render(describeCheck({ type: 'vpa', name: 'h', resource: 'memory', bound: 'upperBound', op: '<', value: 256 }), ko)).toBe('VPA h: 메모리 상한(upperBound) < 256Mi');
  });
});
