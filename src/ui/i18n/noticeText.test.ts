import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenario/loadScenario';
import { explanationTitle, noticeText, warningText } from './message';
import './index';

/** Real notices from the scenario loader, shown in Korean with their FILE:LINE:COL prefix kept. */
const yaml = `apiVersion: playground/v1alpha1
kind: Scenario
metadata: {name: n}
spec:
  nodeGroups: [{name: ng1, instanceType: t3.medium, minSize: 1, maxSize: 2, desiredCapacity: 1}]
---
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
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec: {}
`;

describe('scenario notices in Korean', () => {
  it('keeps the location and the field, translates the ending', async () => {
    const r = loadScenario(yaml, 's.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    await i18next.changeLanguage('ko');
    const t = i18next.t.bind(i18next);
    const shown = r.notices.map((n) => noticeText(t, n));
    expect(r.notices.length).toBeGreaterThanOrEqual(1);
    for (const [i, s] of shown.entries()) {
      expect(s.split(': ')[0]).toBe(r.notices[i].split(': ')[0]);
      expect(s).toMatch(/[\uac00-\ud7a3]/);
      expect(s).not.toMatch(/not simulated/);
    }
    expect(shown.join('\n')).toContain('spec.revisionHistoryLimit: 시뮬레이션하지 않는 필드입니다');
    expect(explanationTitle(t, 'ClusterAutoscaler/cluster-autoscaler (last scale-up)')).toBe('ClusterAutoscaler/cluster-autoscaler (마지막 스케일 업)');
    await i18next.changeLanguage('en');
  });

  it('scenario warnings: English renders exactly as the loader wrote them, Korean in Korean', async () => {
    const noNodes = yaml.replace(/nodeGroups: \[.*\]/, 'nodeGroups: []').replace('spec:\n  nodeGroups', 'spec:\n  timeline: [{at: 50m, run: kubectl get pods}]\n  load: [{target: nope, cpuPerRequest: 50m}]\n  nodeGroups');
    const r = loadScenario(noNodes, 's.yaml');
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.length).toBeGreaterThanOrEqual(2);
    await i18next.changeLanguage('en');
    const t = i18next.t.bind(i18next);
    expect(r.warnings.map((w) => warningText(t, w))).toEqual(r.warnings);
    await i18next.changeLanguage('ko');
    for (const w of r.warnings) expect(warningText(t, w)).toMatch(/[\uac00-\ud7a3]/);
    await i18next.changeLanguage('en');
  });
});
