import type { Resources } from './types';

export interface ContainerRequests extends Resources {
  /** `Always` marks a sidecar (restartable init container). */
  restartPolicy?: 'Always';
}

/**
 * A pod's effective requests, per resource, as k8s resourcehelper.PodRequests computes them with
 * sidecars: max(Σ containers + Σ sidecars, max over init container i of (init_i + sidecars started
 * before i)). Sidecars count both in the running sum and in the init-phase peak.
 */
export function effectivePodRequests(
  containers: readonly Resources[],
  initContainers: readonly ContainerRequests[] = [],
): Resources {
  const keys = ['cpuMillis', 'memoryMiB'] as const;
  const total: Resources = { cpuMillis: 0, memoryMiB: 0 };
  for (const c of containers) for (const k of keys) total[k] += c[k];
  const sidecars: Resources = { cpuMillis: 0, memoryMiB: 0 };
  const initPeak: Resources = { cpuMillis: 0, memoryMiB: 0 };
  for (const init of initContainers) {
    for (const k of keys) {
      let phase: number;
      if (init.restartPolicy === 'Always') {
        total[k] += init[k];
        sidecars[k] += init[k];
        phase = sidecars[k];
      } else {
        phase = init[k] + sidecars[k];
      }
      initPeak[k] = Math.max(initPeak[k], phase);
    }
  }
  return {
    cpuMillis: Math.max(total.cpuMillis, initPeak.cpuMillis),
    memoryMiB: Math.max(total.memoryMiB, initPeak.memoryMiB),
  };
}
