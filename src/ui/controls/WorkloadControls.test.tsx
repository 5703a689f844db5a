// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ManifestDoc } from '../../sim/core/commands';
import { advance, createSession, type Session } from '../../sim/session';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../scenario/loadScenario';
import { deployment, scenario } from '../../sim/testing/fixtures';
import { usePlayground } from '../../store/playgroundStore';
import { loadEngine } from '../../store/engine';
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

beforeAll(async () => {
  await initEnglish();
  // store.issue and the controls' HPA lookup call the engine.
  await loadEngine();
});

afterEach(() => {
  mounted?.unmount();
  usePlayground.setState({ session: null, terminal: [], controlRefusal: null });
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

describe('WorkloadControls HPA bounds', () => {
  it("stop each bound's range at the other bound, the one about to apply included", () => {
    const page = mount([deployment('web', 2, '200m', '64Mi'), hpa('web')]);
    expect([slider(page, 'hpa-min')?.min, slider(page, 'hpa-min')?.max]).toEqual(['1', '7']);
    expect([slider(page, 'hpa-max')?.min, slider(page, 'hpa-max')?.max]).toEqual(['2', '100']);
    // HPA max lowered to 4 while paused: HPA min may not go past it even before the tick applies it.
    act(() => usePlayground.getState().issue('kubectl patch hpa web', { type: 'setHpaBounds', name: 'web', namespace: 'default', max: 4 }));
    expect(slider(page, 'hpa-min')?.max).toBe('4');
  });

  it('a refused command from a control is shown beside the controls and printed in the console, not dropped', () => {
    const page = mount([deployment('web', 2, '200m', '64Mi'), hpa('web')]);
    const input = `kubectl patch hpa web --type=merge -p '{"spec":{"minReplicas":50}}'`;
    // As an older page (or any race) could send it: minReplicas above maxReplicas (7).
    act(() => usePlayground.getState().issue(input, { type: 'setHpaBounds', name: 'web', namespace: 'default', min: 50 }));
    expect(page.querySelector('[data-testid="control-refused"]')).toBeNull();
    act(() => usePlayground.getState().stepOnce());
    const error = 'The HorizontalPodAutoscaler "web" is invalid: spec.maxReplicas: Invalid value: 7: must be greater than or equal to `minReplicas`';
    expect(page.querySelector('[data-testid="control-refused"] span')?.textContent).toBe(
      `Not applied: ${error} (the control's command, also in the Console: ${input})`,
    );
    expect(usePlayground.getState().terminal.at(-1)).toMatchObject({ input, output: error, ok: false });
    expect(slider(page, 'hpa-min')?.value).toBe('2');
    // Reported once: the next tick does not print it again.
    act(() => usePlayground.getState().stepOnce());
    expect(usePlayground.getState().terminal.filter((e) => e.input === input)).toHaveLength(1);
    // An accepted command is not reported; Dismiss clears the notice.
    act(() => usePlayground.getState().issue('kubectl patch hpa web min 3', { type: 'setHpaBounds', name: 'web', namespace: 'default', min: 3 }));
    act(() => usePlayground.getState().stepOnce());
    expect(page.querySelector('[data-testid="control-refused"]')).toBeNull();
    expect(slider(page, 'hpa-min')?.value).toBe('3');
  });
});
