import type { World } from '../core/types';
import { validTimezone } from '../autoscalers/keda/cron';
import type { KedaWorldState } from '../autoscalers/keda/state';

export interface WallClock {
  /** The scenario's wall-clock instant now (its startTime plus the sim time). */
  epochMs: number;
  /** The IANA zone a cron trigger reads it in, e.g. "Asia/Seoul". */
  zone: string;
}

/**
 * The scenario's wall-clock time now, for worlds with a KEDA cron trigger: the trigger fires on
 * clock times in its own zone (09:00 Asia/Seoul), while the screen counts sim time from 0:00, so a
 * student needs both to see when a window opens. The zone is that of the first such trigger (by
 * ScaledObject name); undefined when no ScaledObject has a cron trigger with a zone Intl knows.
 */
export function cronWallClockNow(world: World): WallClock | undefined {
  // Read without kedaState(), which would create the state on a world that has none.
  const keda = world.autoscalers.keda as KedaWorldState | undefined;
  if (keda === undefined) return undefined;
  const epochMs = world.startEpochMs + world.timeMs;
  for (const key of Object.keys(keda.objects).sort()) {
    for (const trigger of keda.objects[key].so.spec.triggers) {
      const zone = trigger.type === 'cron' ? trigger.metadata.timezone : undefined;
      if (zone && validTimezone(zone)) return { epochMs, zone };
    }
  }
  return undefined;
}
