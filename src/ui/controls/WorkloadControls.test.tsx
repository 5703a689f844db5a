// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestDoc } from '../../sim/core/commands';
import { advance, createSession, type Session } from '../../sim/session';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { deployment, scenario } from '../../sim/testing/fixtures';
import { usePlayground } from '../../store/playgroundStore';
import { localeTrees } from '../i18n';
import { initEnglish, mountUi, type Mounted } from '../../testing/mountUi';
import { WorkloadControls } from './WorkloadControls';

const hpa = (target: string, name = target): ManifestDoc => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target },
    minReplicas: 2,
    maxReplicas: 7,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }],
  },
});

let mounted: Mounted | null = null;

beforeAll(initEnglish);

afterEach(() => {
  mounted?.unmount();
  usePlayground.setState({ session: null });
});

/** The controls over a session of the given manifests, after a few seconds (so the HPA is sampled). */
function mount(manifests: ManifestDoc[]): HTMLElement {
  return mountSession(createSession(scenario(), manifests));
}

function mountSession(session: Session): HTMLElement {
  advance(session, 10_000);
  usePlayground.setState({ session, version: usePlayground.getState().version + 1 });
  mounted = mountUi(<WorkloadControls />);
  return mounted.el;
}

const slider = (page: HTMLElement, id: string) => page.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);

function pick(page: HTMLElement, workload: string) {
  const select = page.querySelector<HTMLSelectElement>(`select[aria-label="Workload"]`)!;
  act(() => {
    select.value = workload;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('WorkloadControls HPA sliders', () => {
  it("hides them for a workload without an HPA, rather than showing another workload's", () => {
    const page = mount([deployment('hamster', 2, '100m', '50Mi'), deployment('web', 2, '200m', '64Mi'), hpa('web')]);
    expect(page.querySelector<HTMLSelectElement>('select[aria-label="Workload"]')!.value).toBe('hamster');
    for (const id of ['hpa-min', 'hpa-max', 'hpa-target']) expect(slider(page, id), id).toBeNull();
    expect(page.querySelector('[data-testid="hpa-missing"]')?.textContent).toMatch(/^No HPA on this workload yet.*kubectl autoscale/);
  });

  it("shows the picked workload's own HPA bounds and target", () => {
    const page = mount([deployment('hamster', 2, '100m', '50Mi'), deployment('web', 2, '200m', '64Mi'), hpa('web')]);
    pick(page, 'web');
    expect([slider(page, 'hpa-min')?.value, slider(page, 'hpa-max')?.value, slider(page, 'hpa-target')?.value]).toEqual(['2', '7', '60']);
    expect(slider(page, 'hpa-min')?.disabled).toBe(false);
    expect(page.querySelector('[data-testid="hpa-missing"]')).toBeNull();
  });

  it('finds an HPA by its scale target, not by its name (kubectl autoscale --name)', () => {
    const page = mount([deployment('web', 2, '200m', '64Mi'), hpa('web', 'web-hpa')]);
    expect([slider(page, 'hpa-min')?.value, slider(page, 'hpa-max')?.value]).toEqual(['2', '7']);
  });

  it("names the ScaledObject instead of offering sliders on KEDA's own HPA, which KEDA rewrites", () => {
    // Read from the working directory: under jsdom a module URL is not a file path.
    const loaded = loadScenario(readFileSync('examples/keda-karpenter-cron.yaml', 'utf8'), 'keda-karpenter-cron.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
    const page = mountSession(createSession(loaded.spec, loaded.manifests.map((m) => m.doc)));
    expect(slider(page, 'hpa-min')).toBeNull();
    expect(page.querySelector('[data-testid="hpa-missing"]')).toBeNull();
    expect(page.querySelector('[data-testid="hpa-by-keda"]')?.textContent).toBe(
      'Scaled by KEDA: ScaledObject bank-api writes HPA keda-hpa-bank-api, so change its minReplicaCount and maxReplicaCount in the YAML tab.',
    );
  });

  it('keeps the % of the target label with its word when the label wraps (no-break space), in English and Korean', () => {
    for (const lng of ['en', 'ko'] as const) {
      const label = (localeTrees()[lng].controls as Record<string, string>).hpaTarget;
      expect(label, lng).toMatch(/CPU\u00a0%$/);
    }
    const page = mount([deployment('web', 2, '200m', '64Mi'), hpa('web')]);
    expect(slider(page, 'hpa-target')?.closest('label')?.querySelector('.slider-label')?.textContent).toBe('HPA target CPU\u00a0%');
  });

  it('shows neither the sliders nor the note when no Deployment is left', () => {
    const page = mount([]);
    expect(page.querySelector('[data-testid="workload-none"]')).not.toBeNull();
    expect(slider(page, 'hpa-min')).toBeNull();
    expect(page.querySelector('[data-testid="hpa-missing"]')).toBeNull();
  });
});
