import type { ControllerLog, World } from '../../core/types';
import { emitEvent, log } from '../../core/world';
import { klogHeader, klogStamp } from './messages';
import type { CaEvent, CaLogLine } from './types';

export const CA_LOG_SOURCE = 'cluster-autoscaler';

function levelOf(line: CaLogLine): ControllerLog['level'] {
  if (line.severity === 'E') return 'ERROR';
  if (line.severity === 'W') return 'WARN';
  return line.v >= 4 ? 'DEBUG' : 'INFO';
}

/** Print the klog lines the CA's --v lets through, with klog's header stamped from the sim clock. */
export function printCaLogs(world: World, lines: readonly CaLogLine[], verbosity: number): void {
  printKlogLines(world, CA_LOG_SOURCE, lines, verbosity);
}

/** Any klog-speaking controller's lines (the CA's, the VPA's): what its --v lets through, stamped from the sim clock. */
export function printKlogLines(world: World, controller: string, lines: readonly CaLogLine[], verbosity: number): void {
  let stamp: string | undefined;
  // A scan prints a few hundred lines from a dozen call sites: each header is built once, so a
  // line is one concatenation (90,000 lines an hour at 200 nodes and --v=4).
  // Keyed by severity, then by the source literal: a joined key was a new string to hash per line.
  let headers: Record<CaLogLine['severity'], Map<string, string>> | undefined;
  // Lines come in runs from one call site (the eligibility line of every node, the simulation's
  // lines of every candidate): a line from the same source as the one before takes its header
  // without a lookup.
  let header = '';
  let headerSource: string | undefined;
  let headerSeverity: CaLogLine['severity'] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.v > verbosity) continue;
    if (line.source !== headerSource || line.severity !== headerSeverity) {
      stamp ??= klogStamp(world.timeMs / 1000, world.startEpochMs);
      headers ??= { I: new Map(), W: new Map(), E: new Map() };
      const bySource = headers[line.severity];
      let known = bySource.get(line.source);
      if (known === undefined) bySource.set(line.source, (known = klogHeader(line, stamp)));
      header = known;
      headerSource = line.source;
      headerSeverity = line.severity;
    }
    log(world, controller, header + line.message, levelOf(line));
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
