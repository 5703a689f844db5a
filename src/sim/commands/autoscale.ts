import type { Command } from '../core/commands';
import type { World } from '../core/types';
import { kindByKind, notFound, kindByName } from '../resources/registry';
import type { CommandResult } from './apply';

type Autoscale = Extract<Command, { type: 'autoscale' }>;
type HpaBounds = Extract<Command, { type: 'setHpaBounds' }>;

/**
 * `kubectl autoscale` creates an autoscaling/v2 HorizontalPodAutoscaler named after its target
 * with one CPU Utilization metric (80% when --cpu-percent is not given, as the controller defaults).
 */
export function applyAutoscaleCommand(world: World, cmd: Autoscale): CommandResult {
  const deployKind = kindByName('deployment')!;
  if (!world.deployments.has(cmd.name)) return { ok: false, output: notFound(deployKind, cmd.name) };
  const hpaKind = kindByKind('HorizontalPodAutoscaler');
  if (!hpaKind?.apply) return { ok: false, output: 'error: the HPA controller is not available in this build' };
  const name = cmd.hpaName ?? cmd.name;
  if (hpaKind.list(world).some((o) => o.name === name)) {
    return { ok: false, output: `Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "${name}" already exists` };
  }
  const doc = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: cmd.namespace },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: cmd.name },
      ...(cmd.min !== undefined ? { minReplicas: cmd.min } : {}),
      maxReplicas: cmd.max,
      ...(cmd.cpuPercent !== undefined
        ? { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cmd.cpuPercent } } }] }
        : {}),
    },
  };
  hpaKind.apply(world, doc);
  return { ok: true, output: `horizontalpodautoscaler.autoscaling/${name} autoscaled` };
}

/** The sliders for HPA min, max and target: a `kubectl patch hpa` in effect. */
export function applyHpaBounds(world: World, cmd: HpaBounds): CommandResult {
  const hpaKind = kindByKind('HorizontalPodAutoscaler');
  if (!hpaKind?.apply) return { ok: false, output: 'error: the HPA controller is not available in this build' };
  const patch = (hpaKind as unknown as { patch?: (w: World, c: HpaBounds) => CommandResult }).patch;
  if (!patch) return { ok: false, output: 'error: patching HPAs is not supported yet' };
  return patch(world, cmd);
}
