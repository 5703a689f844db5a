import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario';
import { createWorld } from '../../bootstrap';
import { applyCommand } from '../../commands/apply';
import { runView } from '../../commands/views';
import type { ManifestDoc } from '../../core/commands';
import { step } from '../../core/step';
import type { ControllerLog, World } from '../../core/types';
import { deployment, scenario } from '../../testing/fixtures';
import { logLine } from '../../../ui/panels/textViews';
import { zapFields } from './operatorLog';

/*
 * keda-operator's lines as KEDA 2.18.0 prints them (kedacore/keda tag v2.18.0, controller-runtime
 * v0.21.0 as vendored there): zap's console encoder with rfc3339 time, info level, a Go stacktrace
 * under each ERROR. Expected strings are written out here rather than built with the code under test.
 */

const UUID = /"reconcileID": "([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})"/;

function keda(w: World, from = -Infinity, to = Infinity): ControllerLog[] {
  return w.logs.filter((l) => l.controller === 'keda-operator' && l.t >= from && l.t <= to);
}

/** "t LEVEL first line", the reconcileID masked (it is a hash, checked apart). */
function heads(lines: readonly ControllerLog[]): string[] {
  return lines.map((l) => `${l.t} ${l.level} ${l.message.split('\n')[0].replace(UUID, '"reconcileID": "<id>"')}`);
}

/** builder/controller.go:434-452 and internal/controller/controller.go:331-333, in that order. */
function ctx(name: string): string {
  return `"controller": "scaledobject", "controllerGroup": "keda.sh", "controllerKind": "ScaledObject", "ScaledObject": {"name":"${name}","namespace":"default"}, "namespace": "default", "name": "${name}", "reconcileID": "<id>"`;
}

const idOf = (l: ControllerLog) => UUID.exec(l.message)?.[1];

function loadExample(file: string): World {
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return createWorld(loaded.spec, loaded.manifests.map((m) => m.doc));
}

function run(w: World, seconds: number): void {
  for (let i = 0; i < seconds; i++) step(w);
}

function scaledObject(name: string, target: string, extra: { annotations?: Record<string, string>; spec?: Record<string, unknown> } = {}): ManifestDoc {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: {
      scaleTargetRef: { name: target },
      minReplicaCount: 1,
      maxReplicaCount: 4,
      triggers: [{ type: 'cron', metadata: { timezone: 'UTC', start: '0 * * * *', end: '30 * * * *', desiredReplicas: '2' } }],
      ...extra.spec,
    },
  };
}

const CR = 'sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller[...])';
const CR_FILE = '/workspace/vendor/sigs.k8s.io/controller-runtime/pkg/internal/controller/controller.go';
const SO = 'github.com/kedacore/keda/v2/controllers/keda.(*ScaledObjectReconciler)';
const SO_FILE = '/workspace/controllers/keda/scaledobject_controller.go';
/** processNextWorkItem calls reconcileHandler at controller.go:300, the worker closure Start.func2.1 loops at :202. */
const WORKER = [`${CR}.processNextWorkItem`, `\t${CR_FILE}:300`, `${CR}.Start.func2.1`, `\t${CR_FILE}:202`];
const INTO_RECONCILE = [`${CR}.Reconcile`, `\t${CR_FILE}:119`, `${CR}.reconcileHandler`, `\t${CR_FILE}:340`, ...WORKER];

describe('keda-operator 2.18.0 lines for examples/keda-cron.yaml', () => {
  const w = loadExample('examples/keda-cron.yaml');
  run(w, 1000);
  const lines = keda(w);

  it('the create reconcile, then the requeue its new HPA causes, all at info level', () => {
    // scaledobject_controller.go:171, scaledobject_finalizer.go:98, scaledobject_controller.go:451,
    // hpa.go:57, scaledobject_controller.go:324; then :171 again (Owns(&HPA{}), :144).
    expect(heads(keda(w, 0, 0))).toEqual([
      `0 INFO Reconciling ScaledObject\t{${ctx('php-apache-cron')}}`,
      `0 INFO Adding Finalizer for the ScaledObject\t{${ctx('php-apache-cron')}}`,
      `0 INFO Detected resource targeted for scaling\t{${ctx('php-apache-cron')}, "resource": "apps/v1.Deployment", "name": "php-apache"}`,
      `0 INFO Creating a new HPA\t{${ctx('php-apache-cron')}, "HPA.Namespace": "default", "HPA.Name": "keda-hpa-php-apache-cron"}`,
      `0 INFO Initializing Scaling logic according to ScaledObject Specification\t{${ctx('php-apache-cron')}}`,
      `0 INFO Reconciling ScaledObject\t{${ctx('php-apache-cron')}}`,
    ]);
  });

  it('one reconcileID per reconcile, a v4 UUID hashed from object and time', () => {
    const ids = keda(w, 0, 0).map(idOf);
    expect(new Set(ids.slice(0, 5)).size).toBe(1);
    expect(ids[5]).not.toBe(ids[0]);
    expect(ids.every((id) => id !== undefined)).toBe(true);
    const again = loadExample('examples/keda-cron.yaml');
    run(again, 1000);
    expect(keda(again).map((l) => l.message)).toEqual(lines.map((l) => l.message));
  });

  it("the scale executor's lines at 09:40:01, 09:45 and 09:55 KST (scale_scaledobjects.go:182 / :305 / :261)", () => {
    const executor = `"scaledobject.Name": "php-apache-cron", "scaledObject.Namespace": "default", "scaleTarget.Name": "php-apache"`;
    expect(heads(keda(w, 1))).toEqual([
      `1 INFO scaleexecutor\tSuccessfully set ScaleTarget replicas count to ScaledObject minReplicaCount\t{${executor}, "Original Replicas Count": 1, "New Replicas Count": 0}`,
      `300 INFO scaleexecutor\tSuccessfully updated ScaleTarget\t{${executor}, "Original Replicas Count": 0, "New Replicas Count": 1}`,
      `900 INFO scaleexecutor\tSuccessfully set ScaleTarget replicas count to ScaledObject minReplicaCount\t{${executor}, "Original Replicas Count": 1, "New Replicas Count": 0}`,
    ]);
  });

  it('nothing of the old shape: no controller.scaledobject logger, no DEBUG "Active condition" line', () => {
    expect(lines.some((l) => l.level === 'DEBUG' || l.message.includes('controller.scaledobject') || l.message.includes('Active condition'))).toBe(false);
  });

  it('kubectl logs prints time and level in front, as the pod writes them', () => {
    const out = runView(w, ['kubectl', 'logs', '-n', 'keda', 'deploy/keda-operator']).output.split('\n');
    expect(out[0]).toBe(
      `2025-01-06T00:40:00Z\tINFO\tReconciling ScaledObject\t{${ctx('php-apache-cron').replace('<id>', idOf(lines[0])!)}}`,
    );
    expect(out[7]).toBe(
      '2025-01-06T00:45:00Z\tINFO\tscaleexecutor\tSuccessfully updated ScaleTarget\t{"scaledobject.Name": "php-apache-cron", "scaledObject.Namespace": "default", "scaleTarget.Name": "php-apache", "Original Replicas Count": 0, "New Replicas Count": 1}',
    );
  });
});

describe('a ScaledObject whose Deployment is missing', () => {
  const w = createWorld(scenario(), [scaledObject('orphan', 'late')]);
  run(w, 45);
  const early = keda(w);
  applyCommand(w, { type: 'apply', manifests: [deployment('late', 1, '100m', '64Mi')] });
  run(w, 40);
  const recovered = keda(w, 46);
  applyCommand(w, { type: 'delete', kind: 'deployment', name: 'late', namespace: 'default' });
  run(w, 30);

  it('the first poll runs the failing reconcile: three ERRORs, each with its stacktrace', () => {
    const error = '"error": "deployments.apps \\"late\\" not found"';
    expect(heads(early.slice(0, 5))).toEqual([
      `1 INFO Reconciling ScaledObject\t{${ctx('orphan')}}`,
      `1 INFO Adding Finalizer for the ScaledObject\t{${ctx('orphan')}}`,
      // scaledobject_controller.go:419, then :198 with message.ScaleTargetErrMsg, then controller-runtime's :353.
      `1 ERROR Target resource doesn't exist\t{${ctx('orphan')}, "resource": "apps/v1.Deployment", "name": "late", ${error}}`,
      `1 ERROR ScaledObject doesn't have correct scaleTargetRef specification\t{${ctx('orphan')}, ${error}}`,
      `1 ERROR Reconciler error\t{${ctx('orphan')}, ${error}}`,
    ]);
    expect(early[2].message.split('\n').slice(1)).toEqual([
      `${SO}.checkTargetResourceIsScalable`,
      `\t${SO_FILE}:419`,
      `${SO}.reconcileScaledObject`,
      `\t${SO_FILE}:283`,
      `${SO}.Reconcile`,
      `\t${SO_FILE}:196`,
      ...INTO_RECONCILE,
    ]);
    expect(early[3].message.split('\n').slice(1)).toEqual([`${SO}.Reconcile`, `\t${SO_FILE}:198`, ...INTO_RECONCILE]);
    expect(early[4].message.split('\n').slice(1)).toEqual([`${CR}.reconcileHandler`, `\t${CR_FILE}:353`, ...WORKER]);
  });

  it('retries back off 5ms × 2^n (client-go DefaultTypedControllerRateLimiter): 8 in the first second, then 2, 3, 6, 11, 21, 41 s', () => {
    const errors = early.filter((l) => l.message.startsWith('Reconciler error')).map((l) => l.t);
    expect(errors).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 6, 11, 21, 41]);
    expect(early.filter((l) => l.message.startsWith('Adding Finalizer'))).toHaveLength(1);
    expect(new Set(early.map(idOf)).size).toBe(errors.length);
  });

  it('once the Deployment exists the next poll (polls fall at 1, 30, 60, 90 s) reconciles it (no finalizer this time), and retries stop', () => {
    expect(heads(recovered.filter((l) => l.t <= 85))).toEqual([
      `60 INFO Reconciling ScaledObject\t{${ctx('orphan')}}`,
      `60 INFO Detected resource targeted for scaling\t{${ctx('orphan')}, "resource": "apps/v1.Deployment", "name": "late"}`,
      `60 INFO Creating a new HPA\t{${ctx('orphan')}, "HPA.Namespace": "default", "HPA.Name": "keda-hpa-orphan"}`,
      `60 INFO Initializing Scaling logic according to ScaledObject Specification\t{${ctx('orphan')}}`,
      `60 INFO Reconciling ScaledObject\t{${ctx('orphan')}}`,
    ]);
  });

  it('a Deployment deleted under a running scale loop fails RequestScale at every poll', () => {
    const EXEC = 'github.com/kedacore/keda/v2/pkg/scaling/executor.(*scaleExecutor).RequestScale';
    const LOOP = [
      'github.com/kedacore/keda/v2/pkg/scaling.(*scaleHandler).checkScalers',
      '\t/workspace/pkg/scaling/scale_handler.go:277',
      'github.com/kedacore/keda/v2/pkg/scaling.(*scaleHandler).startScaleLoop',
      '\t/workspace/pkg/scaling/scale_handler.go:201',
    ];
    const gone = keda(w, 86);
    const error = '"error": "deployments.apps \\"late\\" not found"';
    expect(heads(gone)).toEqual([
      `90 ERROR scale_resolvers\ttarget deployment doesn't exist\t{"scaledObject.Namespace": "default", "scaledObject.Name": "orphan", "resource": "apps/Deployment", "name": "late", ${error}}`,
      `90 ERROR scaleexecutor\tError getting information on the current Scale\t{"scaledobject.Name": "orphan", "scaledObject.Namespace": "default", "scaleTarget.Name": "late", ${error}}`,
    ]);
    expect(gone[0].message.split('\n').slice(1)).toEqual([
      'github.com/kedacore/keda/v2/pkg/scaling/resolver.GetCurrentReplicas',
      '\t/workspace/pkg/scaling/resolver/scale_resolvers.go:692',
      EXEC,
      '\t/workspace/pkg/scaling/executor/scale_scaledobjects.go:44',
      ...LOOP,
    ]);
    expect(gone[1].message.split('\n').slice(1)).toEqual([EXEC, '\t/workspace/pkg/scaling/executor/scale_scaledobjects.go:46', ...LOOP]);
  });

  it('kubectl logs keeps the container log line by line: --tail counts stack lines, --timestamps marks each', () => {
    const tail = runView(w, ['kubectl', 'logs', '-n', 'keda', 'deploy/keda-operator', '--tail=3', '--timestamps']).output.split('\n');
    expect(tail).toEqual([
      '2026-11-02T00:01:30Z \t/workspace/pkg/scaling/scale_handler.go:277',
      '2026-11-02T00:01:30Z github.com/kedacore/keda/v2/pkg/scaling.(*scaleHandler).startScaleLoop',
      '2026-11-02T00:01:30Z \t/workspace/pkg/scaling/scale_handler.go:201',
    ]);
  });

  it('the Logs tab shows only the line itself, not its stacktrace', () => {
    const last = keda(w).at(-1)!;
    expect(logLine(last)).toBe(`E 00:01:30 [keda-operator] scaleexecutor\tError getting information on the current Scale\t{"scaledobject.Name": "orphan", "scaledObject.Namespace": "default", "scaleTarget.Name": "late", "error": "deployments.apps \\"late\\" not found"}`);
  });
});

describe('re-applying and deleting a ScaledObject', () => {
  const w = createWorld(scenario(), [deployment('web', 1, '100m', '64Mi'), scaledObject('web', 'web')]);
  run(w, 5);
  const at = (manifest: ManifestDoc): string[] => {
    const from = w.logs.length;
    applyCommand(w, { type: 'apply', manifests: [manifest] });
    return heads(w.logs.slice(from).filter((l) => l.controller === 'keda-operator')).map((h) => h.replace(/^\d+ /, ''));
  };

  it('a new spec updates the HPA and restarts the scale loop (hpa.go:225, scaledobject_controller.go:324)', () => {
    expect(at(scaledObject('web', 'web', { spec: { maxReplicaCount: 6 } }))).toEqual([
      `INFO Reconciling ScaledObject\t{${ctx('web')}}`,
      `INFO Updated HPA according to ScaledObject\t{${ctx('web')}, "HPA.Namespace": "default", "HPA.Name": "keda-hpa-web"}`,
      `INFO Initializing Scaling logic according to ScaledObject Specification\t{${ctx('web')}}`,
    ]);
  });

  it('an annotation the predicates ignore is never reconciled', () => {
    expect(at(scaledObject('web', 'web', { spec: { maxReplicaCount: 6 }, annotations: { team: 'a' } }))).toEqual([]);
  });

  it('paused-replicas deletes the HPA (hpa.go:262), then the scale loop pins the replicas (scale_scaledobjects.go:90)', () => {
    expect(at(scaledObject('web', 'web', { spec: { maxReplicaCount: 6 }, annotations: { 'autoscaling.keda.sh/paused-replicas': '3' } }))).toEqual([
      `INFO Reconciling ScaledObject\t{${ctx('web')}}`,
      `INFO Deleting existing HPA\t{${ctx('web')}, "HPA.Namespace": "default", "HPA.Name": "keda-hpa-web"}`,
    ]);
    const from = w.logs.length;
    run(w, 1);
    expect(heads(w.logs.slice(from)).map((h) => h.replace(/^\d+ /, ''))).toEqual([
      'INFO scaleexecutor\tSuccessfully scaled target to paused replicas count\t{"scaledobject.Name": "web", "scaledObject.Namespace": "default", "scaleTarget.Name": "web", "paused replicas": 3}',
    ]);
  });

  it('unpausing rewrites the status and recreates the HPA (scaledobject_controller.go:451, hpa.go:57)', () => {
    expect(at(scaledObject('web', 'web', { spec: { maxReplicaCount: 6 } }))).toEqual([
      `INFO Reconciling ScaledObject\t{${ctx('web')}}`,
      `INFO Detected resource targeted for scaling\t{${ctx('web')}, "resource": "apps/v1.Deployment", "name": "web"}`,
      `INFO Creating a new HPA\t{${ctx('web')}, "HPA.Namespace": "default", "HPA.Name": "keda-hpa-web"}`,
      `INFO Initializing Scaling logic according to ScaledObject Specification\t{${ctx('web')}}`,
    ]);
  });

  it('kubectl delete runs the finalizer (scaledobject_finalizer.go:90)', () => {
    const from = w.logs.length;
    applyCommand(w, { type: 'delete', kind: 'scaledobject', name: 'web', namespace: 'default' });
    expect(heads(w.logs.slice(from)).map((h) => h.replace(/^\d+ /, ''))).toEqual([
      `INFO Reconciling ScaledObject\t{${ctx('web')}}`,
      `INFO Successfully finalized ScaledObject\t{${ctx('web')}}`,
    ]);
  });
});

describe("zap's console field encoding", () => {
  it('spaces top-level pairs, escapes as zap does (\\u0008, not \\b), and writes a KRef compact', () => {
    expect(zapFields([['a "b"', 'x\\y\n\tz\u0008'], ['n', 3], ['ScaledObject', { name: 'so', namespace: 'ns' }]])).toBe(
      '{"a \\"b\\"": "x\\\\y\\n\\tz\\u0008", "n": 3, "ScaledObject": {"name":"so","namespace":"ns"}}',
    );
  });
});
