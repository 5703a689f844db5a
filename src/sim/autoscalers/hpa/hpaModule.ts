import type { AutoscalerModule } from '../module';
import { HPA_CONTROLLER, hpaState, runHpaController } from './controller';
import { hpaKind } from './hpaKind';

export const hpaModule: AutoscalerModule = {
  name: 'hpa',
  controllers: [
    // Offset from metrics-server's scrapes, as two independent processes are: the HPA reads samples up to 15 s old.
    { name: HPA_CONTROLLER, periodMs: 15_000, phaseMs: 5_000, run: runHpaController },
  ],
  kinds: [hpaKind],
  explain(world) {
    return Object.values(hpaState(world).records).map((r) => ({
      object: `HorizontalPodAutoscaler/${r.hpa.metadata.name}`,
      state: r.machineState,
      at: r.lastSyncSeconds,
      lines: r.explanation,
    }));
  },
  trace(world) {
    const out: Record<string, Record<string, unknown>> = {};
    for (const r of Object.values(hpaState(world).records)) {
      const cpu = r.hpa.status?.currentMetrics?.find((m) => m.type === 'Resource' && m.resource.name === 'cpu');
      const target = r.hpa.spec.metrics?.find((m) => m.type === 'Resource' && m.resource.name === 'cpu');
      out[`HorizontalPodAutoscaler/${r.hpa.metadata.name}`] = {
        state: r.machineState,
        desiredReplicas: r.hpa.status?.desiredReplicas ?? 0,
        currentReplicas: r.hpa.status?.currentReplicas ?? 0,
        minReplicas: r.hpa.spec.minReplicas ?? 1,
        maxReplicas: r.hpa.spec.maxReplicas,
        ...(cpu && cpu.type === 'Resource' && cpu.resource.current.averageUtilization !== undefined
          ? { cpuUtilizationPercent: cpu.resource.current.averageUtilization }
          : {}),
        ...(target && target.type === 'Resource' && target.resource.target.averageUtilization !== undefined
          ? { cpuTargetPercent: target.resource.target.averageUtilization }
          : {}),
      };
    }
    return out;
  },
};
