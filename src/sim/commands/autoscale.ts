import type { Command } from '../core/commands';
import type { World } from '../core/types';
import { kindByName, notFound } from '../resources/registry';
import { hpaFromKubectlAutoscale } from '../autoscalers/hpa/convert';
import { hpaKind, patchHpa } from '../autoscalers/hpa/hpaKind';
import type { CommandResult } from '../core/commands';

type Autoscale = Extract<Command, { type: 'autoscale' }>;
type HpaBounds = Extract<Command, { type: 'setHpaBounds' }>;

/** `kubectl autoscale` creates the autoscaling/v2 HorizontalPodAutoscaler kubectl would create. */
export function applyAutoscaleCommand(world: World, cmd: Autoscale): CommandResult {
  const deployKind = kindByName('deployment')!;
  if (!world.deployments.has(cmd.name)) return { ok: false, output: notFound(deployKind, cmd.name) };
  const made = hpaFromKubectlAutoscale({
    kind: cmd.kind,
    name: cmd.name,
    ...(cmd.cpuFlag && cmd.cpuPercent !== undefined ? { cpu: `${cmd.cpuPercent}%` } : { cpuPercent: cmd.cpuPercent }),
    min: cmd.min,
    max: cmd.max,
    hpaName: cmd.hpaName,
    namespace: cmd.namespace,
  });
  if (!made.ok) return { ok: false, output: made.error };
  const name = made.hpa.metadata.name;
  if (hpaKind.list(world).some((o) => o.name === name)) {
    return { ok: false, output: `Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "${name}" already exists` };
  }
  hpaKind.apply!(world, made.hpa as unknown as Record<string, unknown>);
  return { ok: true, output: [...made.flagWarnings, made.output].join('\n') };
}

/** The sliders for HPA min, max and target: a `kubectl patch hpa` in effect. */
export function applyHpaBounds(world: World, cmd: HpaBounds): CommandResult {
  return patchHpa(world, cmd);
}
