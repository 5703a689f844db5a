import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loadScenario';
import { registerManifestValidator } from '../../sim/resources/manifestValidators';
import { msg } from '../../sim/core/message';
import { en, ko } from '../../testing/messages';
import { explanationTitle, renderMessage } from './message';
import '../../sim/bootstrap';
import './index';

/**
 * The scenario loader's notices and warnings reach the page as Messages (never English sentences
 * matched back into translations): the English rendering is byte for byte what the loader prints
 * for the CLI, the Korean one keeps the FILE:LINE:COL location, names and field paths.
 */
const HEAD = `apiVersion: playground/v1alpha1
kind: Scenario
metadata: {name: n}
spec:
  nodeGroups: [{name: ng1, instanceType: t3.medium, minSize: 1, maxSize: 2, desiredCapacity: 1}]
`;
const DEPLOY = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  revisionHistoryLimit: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`;
const INGRESS = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec: {}
`;
const KAFKA = `---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: web}
spec:
  scaleTargetRef: {name: web}
  triggers:
  - type: kafka
    metadata: {topic: t}
`;
const NODEPOOL = `---
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: default}
spec:
  replicas: 2
  limits: {cpu: 100, nvidia.com/gpu: 2}
  template:
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]
---
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {name: default}
spec:
  amiSelectorTerms: [{alias: al2023@latest}]
  kubelet: {maxPods: 20, cpuCFSQuota: true}
`;

const HANGUL = /[\uac00-\ud7a3]/;
const location = (s: string) => /^[^:]+:\d+:\d+/.exec(s)?.[0];

function loaded(text: string) {
  const r = loadScenario(text, 's.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`).join('\n'));
  return r;
}

afterAll(() => i18next.changeLanguage('en'));

describe('scenario notices as Messages', () => {
  const r = loaded(HEAD + DEPLOY + INGRESS + KAFKA + NODEPOOL);

  it('one Message per notice; English is the loader’s text; Korean keeps the location and translates', () => {
    expect(r.noticeMsgs).toHaveLength(r.notices.length);
    // field, kind, KEDA scaler, Karpenter static/limit/kubelet: every kind of notice is here.
    expect(new Set(r.noticeMsgs.map((m) => m.key))).toEqual(new Set(['scenarioNote.notice.field', 'scenarioNote.notice.kind', 'scenarioNote.notice.validator']));
    expect(r.notices.length).toBeGreaterThanOrEqual(6);
    r.noticeMsgs.forEach((m, i) => {
      expect(en(m)).toBe(r.notices[i]);
      const k = ko(m);
      expect(k, r.notices[i]).not.toBe(r.notices[i]);
      expect(k).toMatch(HANGUL);
      expect(location(k)).toBe(location(r.notices[i]));
    });
    const shown = r.noticeMsgs.map(ko).join('\n');
    expect(shown).toContain('Deployment/web: spec.revisionHistoryLimit: 시뮬레이션하지 않는 필드입니다');
    expect(shown).toContain('kafka 스케일러는 시뮬레이션하지 않습니다');
    expect(shown).toContain('NodePool/default: spec.replicas: 정적 NodePool은 시뮬레이션하지 않습니다');
    expect(shown).not.toMatch(/not simulated/);
  });

  it('i18next renders them as the test renderer does (nested detail, location with colons)', async () => {
    await i18next.changeLanguage('ko');
    const t = i18next.t.bind(i18next);
    expect(r.noticeMsgs.map((m) => renderMessage(t, m))).toEqual(r.noticeMsgs.map(ko));
    await i18next.changeLanguage('en');
    expect(r.noticeMsgs.map((m) => renderMessage(t, m))).toEqual(r.notices);
    // The CA's remembered decision is headed by an engine Message; other explanations by their object.
    const last = { object: 'ClusterAutoscaler/cluster-autoscaler (last scale-up)', heading: msg('engine.why.lastScaleUp', { object: 'ClusterAutoscaler/cluster-autoscaler' }) };
    expect(explanationTitle(t, last)).toBe(last.object);
    expect(explanationTitle(t, { object: 'HorizontalPodAutoscaler/web' })).toBe('HorizontalPodAutoscaler/web');
    await i18next.changeLanguage('ko');
    expect(explanationTitle(t, last)).toBe('ClusterAutoscaler/cluster-autoscaler (마지막 스케일 업)');
  });

  it("a validator's notice without a Message of its own is shown as written, located", () => {
    const off = registerManifestValidator('example.com/v1', 'Widget', () => [{ path: 'spec.size', message: 'size is ignored here', severity: 'notice' }]);
    try {
      const w = loaded(`${HEAD}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n`);
      expect(w.notices).toEqual([expect.stringMatching(/^s\.yaml:\d+:\d+: Widget\/w: spec\.size: size is ignored here$/)]);
      expect(en(w.noticeMsgs[0])).toBe(w.notices[0]);
      expect(ko(w.noticeMsgs[0])).toBe(w.notices[0]);
    } finally {
      off();
    }
  });
});

describe('scenario warnings as Messages', () => {
  it('English renders exactly as the loader wrote them, Korean in Korean', () => {
    const text = HEAD.replace(/nodeGroups: \[.*\]/, 'nodeGroups: []').replace('spec:\n  nodeGroups', 'spec:\n  timeline: [{at: 50m, run: kubectl get pods}]\n  load: [{target: nope, cpuPerRequest: 50m}]\n  nodeGroups') + DEPLOY;
    const r = loaded(text);
    expect(r.warningMsgs.map((m) => m.key)).toEqual(['scenarioNote.warning.afterEnd', 'scenarioNote.warning.loadTarget', 'scenarioNote.warning.noNodes']);
    expect(r.warningMsgs.map(en)).toEqual(r.warnings);
    for (const m of r.warningMsgs) {
      expect(ko(m)).toMatch(HANGUL);
      expect(r.warnings).not.toContain(ko(m));
    }
    expect(ko(r.warningMsgs[0])).toContain('"kubectl get pods"');
  });
});

describe('every example', () => {
  const dir = join(import.meta.dirname, '../../../examples');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml') && n !== 'large-cluster.yaml')) {
    it(`${f}: notices and warnings render in English exactly as the loader prints them`, () => {
      const r = loaded(readFileSync(join(dir, f), 'utf8'));
      expect(r.noticeMsgs.map(en)).toEqual(r.notices);
      expect(r.warningMsgs.map(en)).toEqual(r.warnings);
    });
  }
});
