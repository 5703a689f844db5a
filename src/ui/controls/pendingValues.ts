import type { TimedCommand } from '../../sim/core/commands';

/**
 * What the sliders show while their commands wait for the next tick. A command issued while the
 * sim is paused is stamped at now + 1 ms and applied when the world next steps (that is what keeps
 * replays bit-identical), so the world still holds the old value: without this overlay the slider
 * snapped back to it. Later commands win, as they will when applied.
 */
export interface PendingValues {
  clients: Map<string, number>;
  rps: Map<string, number>;
  replicas: Map<string, number>;
  hpaMin: Map<string, number>;
  hpaMax: Map<string, number>;
  hpaTarget: Map<string, number>;
  asgMin: Map<string, number>;
  asgMax: Map<string, number>;
}

export function pendingValues(pending: readonly TimedCommand[]): PendingValues {
  const v: PendingValues = {
    clients: new Map(),
    rps: new Map(),
    replicas: new Map(),
    hpaMin: new Map(),
    hpaMax: new Map(),
    hpaTarget: new Map(),
    asgMin: new Map(),
    asgMax: new Map(),
  };
  const put = (m: Map<string, number>, key: string, x: number | undefined) => {
    if (x !== undefined) m.set(key, x);
  };
  for (const { command: c } of pending) {
    if (c.type === 'setLoad') {
      put(v.clients, c.target, c.clients);
      put(v.rps, c.target, c.rps);
    } else if (c.type === 'scale') put(v.replicas, c.name, c.replicas);
    else if (c.type === 'setHpaBounds') {
      put(v.hpaMin, c.name, c.min);
      put(v.hpaMax, c.name, c.max);
      put(v.hpaTarget, c.name, c.targetCpu);
    } else if (c.type === 'updateAsg') {
      put(v.asgMin, c.name, c.minSize);
      put(v.asgMax, c.name, c.maxSize);
    }
  }
  return v;
}
