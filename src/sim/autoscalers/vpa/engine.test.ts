import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { createWorld } from '../../bootstrap';
import { checkInvariants } from '../../core/invariants';
import type { World } from '../../core/types';
import { runTrace } from '../../trace/runTrace';
import type { Trace } from '../../trace/trace';
import { deploymentPods } from '../../resources/workloadKinds';
import { runView } from '../../commands/views';
import { applyCommand } from '../../commands/apply';
import { krrRows } from './krrHistory';
import { vpaObjects } from './worldState';
import { enText } from '../../../testing/messages';

function loadExample(file: string): { world: World; durationMs: number } {
  const loaded = loadScenario(readFileSync(new URL(`../../../../examples/${file}`, import.meta.url), 'utf8'), file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return { world: createWorld(loaded.spec, loaded.manifests.map((m) => m.doc)), durationMs: loaded.spec.durationMs };
}

function run(file: string, durationMs?: number): { world: World; trace: Trace } {
  const { world, durationMs: full } = loadExample(file);
  const problems: string[] = [];
  const trace = runTrace(world, durationMs ?? full, {
    onTick: (w) => {
      if (problems.length === 0) problems.push(...checkInvariants(w).map((p) => `t=${w.timeMs / 1000}: ${p}`));
    },
  });
  expect(problems).toEqual([]);
  return { world, trace };
}

type VpaEntry = { state: string; target: { cpuMillis: number; memoryMiB: number } | null; evictions: number; resizedInPlace: number };
const vpaEntry = (trace: Trace, i: number) => trace.samples[i].autoscalers['VerticalPodAutoscaler/hamster-vpa'] as unknown as VpaEntry;

describe('VPA in the engine: the seed hamster (examples/vpa-hamster.yaml)', () => {
  const { world, trace } = run('vpa-hamster.yaml');
  const hamsterPods = () => deploymentPods(world, world.deployments.get('hamster')!).filter((p) => p.state === 'Ready');

  it('recommends the seed target: 587m CPU (p90 511m × 1.15) and 262144k memory (the 250Mi pod minimum)', () => {
    const last = vpaEntry(trace, trace.samples.length - 1);
    expect(last.target).toEqual({ cpuMillis: 587, memoryMiB: 250 });
    // Target within 20% of mean usage × 1.15 (the "done" check).
    const usagePerPod = trace.samples[trace.samples.length - 1].workloads.hamster.cpuUsageMillis / 2;
    expect(Math.abs(last.target!.cpuMillis - usagePerPod * 1.15) / (usagePerPod * 1.15)).toBeLessThan(0.2);
    const obj = vpaObjects(world)[0];
    expect(enText(obj.explanation)).toContain('target cpu 587m = p90 511m × 1.15');
    expect(runView(world, ['kubectl', 'get', 'vpa']).output).toMatch(/hamster-vpa\s+Auto\s+587m\s+262144k\s+True/);
    expect(runView(world, ['kubectl', 'describe', 'vpa', 'hamster-vpa']).output).toContain('Target:');
  });

  it('evicts one pod at a time with EvictedByVPA, and the replacements carry the target', () => {
    const evictions = trace.events.filter((e) => e.reason === 'EvictedByVPA');
    expect(evictions.length).toBe(2);
    expect(evictions[0].message).toBe('Pod was evicted by VPA Updater to apply resource recommendation.');
    expect(evictions[1].t - evictions[0].t).toBeGreaterThanOrEqual(60);
    // pods_eviction_restriction.go (vpa-release-1.4) Evict: the VPA gets its own event per eviction.
    expect(trace.events.filter((e) => e.reason === 'EvictedPod').map((e) => [e.t, e.kind, e.name, e.message])).toEqual(
      evictions.map((e) => [e.t, 'VerticalPodAutoscaler', 'hamster-vpa', `VPA Updater evicted Pod ${e.name} to apply resource recommendation.`]),
    );
    for (const s of trace.samples) expect(s.workloads.hamster?.ready ?? 2).toBeGreaterThanOrEqual(s.t > 30 ? 1 : 0);
    const pods = hamsterPods();
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.request).toEqual({ cpuMillis: 587, memoryMiB: 250 });
      expect(p.spec.annotations.vpaUpdates).toBe('Pod resources updated by hamster-vpa: container 0: cpu request, memory request');
    }
    // The template is not touched: only pods are rewritten at admission.
    expect(world.deployments.get('hamster')!.template.containers[0].requests).toEqual({ cpuMillis: 100, memoryMiB: 50 });
  });

  it('its statechart ends in podsWithinBounds and KRR advises from the same history', () => {
    expect(vpaEntry(trace, trace.samples.length - 1).state).toBe('podsWithinBounds');
    const row = krrRows(world).find((r) => r.name === 'hamster')!;
    // p95 of what metrics-server reported (1m idle + the 500m loop); memory peak 30Mi × 1.15 → the 100Mi floor.
    expect(row.cpuRequests).toEqual({ current: 100, recommended: 501, severity: 'WARNING' });
    expect(row.memoryRequests.recommended).toBe(100);
    expect(row.cpuLimits.recommended).toBeNull();
    const lastUsage = trace.samples[trace.samples.length - 1].workloads.hamster.cpuUsageMillis / 2;
    expect(Math.abs((row.cpuRequests.recommended as number) - lastUsage)).toBeLessThanOrEqual(1);
    expect(runView(world, ['kubectl', 'get', 'krr']).output).toContain('(WARNING) 100m -> 501m');
  });

  it('is deterministic: the same seed gives a byte-identical trace', () => {
    const again = run('vpa-hamster.yaml').trace;
    expect(JSON.stringify(again)).toBe(JSON.stringify(trace));
  });
});

describe('InPlaceOrRecreate (examples/vpa-hamster-inplace.yaml)', () => {
  const { world, trace } = run('vpa-hamster-inplace.yaml', 300_000);

  it('resizes the running pods with no restart, no eviction and no readiness gap', () => {
    expect(trace.events.filter((e) => e.reason === 'EvictedByVPA')).toHaveLength(0);
    // 1.4.2 records no event for a resize (pods_inplace_restriction.go:162-165 comment it out).
    expect(trace.events.filter((e) => e.source === 'vpa-updater')).toEqual([]);
    const pods = deploymentPods(world, world.deployments.get('hamster')!);
    expect(pods).toHaveLength(2);
    expect(pods.map((p) => p.spec.annotations.vpaInPlaceUpdated)).toEqual(['true', 'true']);
    expect(vpaEntry(trace, trace.samples.length - 1).resizedInPlace).toBe(2);
    for (const p of pods) {
      expect(p.restarts).toBe(0);
      expect(p.request.cpuMillis).toBe(587);
      expect(p.readySinceMs).toBeLessThan(30_000);
    }
    for (const s of trace.samples.filter((x) => x.t >= 30)) expect(s.workloads.hamster.ready).toBe(2);
    const node = world.nodes.get(pods[0].nodeName)!;
    const sum = node.podNames.reduce((a, n) => a + world.pods.get(n)!.request.cpuMillis, 0);
    expect(node.requested.cpuMillis).toBe(sum);
  });
});

describe('OOM kills feed the recommender (examples/vpa-oom.yaml)', () => {
  const { world, trace } = run('vpa-oom.yaml', 900_000);

  it('kills the leaking pods at their limit, backs off, and the VPA raises memory past the old limit', () => {
    const ooms = trace.events.filter((e) => e.reason === 'SystemOOM');
    expect(ooms.length).toBeGreaterThanOrEqual(2);
    expect(ooms[0].type).toBe('Warning');
    expect(trace.events.some((e) => e.reason === 'BackOff')).toBe(true);
    const evicted = trace.events.filter((e) => e.reason === 'EvictedByVPA');
    expect(evicted.length).toBeGreaterThanOrEqual(2);
    expect(evicted[0].t).toBeGreaterThan(ooms[0].t);
    const entry = trace.samples[trace.samples.length - 1].autoscalers['VerticalPodAutoscaler/leaky-vpa'] as unknown as VpaEntry;
    // OOM at the 300Mi limit → sample max(300 + 100, 300 × 1.2) = 400Mi → target above 400Mi.
    expect(entry.target!.memoryMiB).toBeGreaterThan(400);
    const pods = deploymentPods(world, world.deployments.get('leaky')!).filter((p) => p.state === 'Ready');
    for (const p of pods) {
      expect(p.request.memoryMiB).toBeGreaterThan(300);
      // RequestsAndLimits keeps the original 300:256 limit:request ratio.
      expect(p.limit.memoryMiB / p.request.memoryMiB).toBeCloseTo(300 / 256, 2);
    }
  });
});

describe('the VerticalPodAutoscaler kind', () => {
  it('applies, reports configured on a mode change, rejects bad fields and deletes', () => {
    const { world } = loadExample('vpa-hamster.yaml');
    const doc = {
      apiVersion: 'autoscaling.k8s.io/v1',
      kind: 'VerticalPodAutoscaler',
      metadata: { name: 'hamster-vpa' },
      spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'hamster' }, updatePolicy: { updateMode: 'Off' } },
    };
    expect(applyCommand(world, { type: 'apply', manifests: [doc] }).output).toBe('verticalpodautoscaler.autoscaling.k8s.io/hamster-vpa configured');
    expect(vpaObjects(world)[0].machine.context.mode).toBe('Off');
    const bad = { ...doc, spec: { ...doc.spec, updatePolicy: { updateMode: 'Sometimes' } } };
    const r = applyCommand(world, { type: 'apply', manifests: [bad] });
    expect(r.ok).toBe(false);
    expect(r.output).toContain('spec.updatePolicy.updateMode: Unsupported value: "Sometimes"');
    expect(runView(world, ['kubectl', 'get', 'vpa', 'hamster-vpa', '-o', 'yaml']).output).toContain('updateMode: Off');
    applyCommand(world, { type: 'delete', kind: 'vpa', name: 'hamster-vpa', namespace: 'default' });
    expect(vpaObjects(world)).toHaveLength(0);
  });

  it('in Off mode recommends but never evicts, and pods keep their requests', () => {
    const { world } = loadExample('vpa-hamster.yaml');
    const doc = {
      apiVersion: 'autoscaling.k8s.io/v1',
      kind: 'VerticalPodAutoscaler',
      metadata: { name: 'hamster-vpa' },
      spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'hamster' }, updatePolicy: { updateMode: 'Off' } },
    };
    applyCommand(world, { type: 'apply', manifests: [doc] });
    const trace = runTrace(world, 300_000);
    expect(trace.events.some((e) => e.reason === 'EvictedByVPA')).toBe(false);
    const entry = trace.samples[trace.samples.length - 1].autoscalers['VerticalPodAutoscaler/hamster-vpa'] as unknown as VpaEntry;
    expect(entry.state).toBe('offMode');
    expect(entry.target!.cpuMillis).toBe(587);
    for (const p of deploymentPods(world, world.deployments.get('hamster')!)) expect(p.request.cpuMillis).toBe(100);
  });
});

describe('KRR over php-apache (examples/php-apache.yaml), cross-checked with the trace', () => {
  it('recommends the p95 of the usage the trace shows, floors memory at 100Mi and leaves the CPU limit unset', () => {
    const { world, trace } = run('php-apache.yaml', 1_800_000);
    const row = krrRows(world).find((r) => r.name === 'php-apache')!;
    expect(row.info).toEqual([]);
    const usage = trace.samples.map((s) => s.workloads['php-apache']?.cpuUsageMillis ?? 0).sort((a, b) => a - b);
    const p95 = usage[Math.floor(0.95 * (usage.length - 1))];
    expect(Math.abs((row.cpuRequests.recommended as number) - p95) / p95).toBeLessThan(0.05);
    expect(row.cpuRequests.current).toBe(200);
    expect(row.cpuLimits).toMatchObject({ current: 500, recommended: null });
    expect(row.memoryRequests.recommended).toBe(100);
  });
});
