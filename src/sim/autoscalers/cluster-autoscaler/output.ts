import type { ControllerLog, World } from '../../core/types';
import { emitEvent, log } from '../../core/world';
import { klogLine, klogStamp } from './messages';
import type { CaEvent, CaLogLine } from './types';

export const CA_LOG_SOURCE = 'cluster-autoscaler';

function levelOf(line: CaLogLine): ControllerLog['level'] {
  if (line.severity === 'E') return 'ERROR';
  if (line.severity === 'W') return 'WARN';
  return line.v >= 4 ? 'DEBUG' : 'INFO';
}

/** Print the klog lines the CA's --v lets through, with klog's header stamped from the sim clock. */
export function printCaLogs(world: World, lines: readonly CaLogLine[], verbosity: number): void {
  let stamp: string | undefined;
  for (const line of lines) {
    if (line.v > verbosity) continue;
    stamp ??= klogStamp(world.timeMs / 1000, world.startEpochMs);
    log(world, CA_LOG_SOURCE, klogLine(line, stamp), levelOf(line));
  }
}

export function emitCaEvent(world: World, e: CaEvent): void {
  emitEvent(world, {
    kind: e.involvedObject.kind,
    namespace: e.involvedObject.kind === 'Node' ? '' : (e.involvedObject.namespace ?? 'default'),
    name: e.involvedObject.name,
    type: e.type,
    reason: e.reason,
    message: e.message,
    source: CA_LOG_SOURCE,
  });
}

export { goTimeString } from './messages';
