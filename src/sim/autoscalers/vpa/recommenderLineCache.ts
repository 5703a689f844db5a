/**
 * The recommender's log lines that every run prints the same way while what they name holds: its
 * fixed lines, each VPA's "Using selector" and each of its containers' "Saved checkpoint". klogS
 * formats a line through Object.entries and JSON quoting; these are built once and handed out
 * again (frozen: printKlogLines only reads them). A line is kept by everything its text says (the
 * VPA's namespace and name, the selector, the container), so none can outlive its text.
 */
import type { CaLogLine } from '../cluster-autoscaler/types';
import { infoS, kref } from './klogS';
import type { VpaObjectState } from './worldState';

export const RECOMMENDER_RUN_LINE: CaLogLine = Object.freeze(infoS(3, 'recommender.go:148', 'Recommender Run'));
export const SELECTING_VPAS_LINE: CaLogLine = Object.freeze(infoS(3, 'cluster_feeder.go:381', 'Start selecting the vpaCRDs.'));

interface VpaLines {
  namespace: string;
  name: string;
  selector: string;
  selectorLine: CaLogLine | undefined;
  checkpoints: Map<string, CaLogLine>;
}

/** By the VPA's object state; remade when the VPA it holds has another namespace or name. */
const kept = new WeakMap<VpaObjectState, VpaLines>();

function linesOf(o: VpaObjectState): VpaLines {
  const namespace = o.vpa.metadata.namespace ?? 'default';
  const name = o.vpa.metadata.name;
  let lines = kept.get(o);
  if (lines === undefined || lines.namespace !== namespace || lines.name !== name) {
    lines = { namespace, name, selector: '', selectorLine: undefined, checkpoints: new Map() };
    kept.set(o, lines);
  }
  return lines;
}

/** cluster_feeder.go:432 klog.V(4) "Using selector". */
export function usingSelectorLine(o: VpaObjectState, selector: string): CaLogLine {
  const lines = linesOf(o);
  if (lines.selectorLine === undefined || lines.selector !== selector) {
    lines.selector = selector;
    lines.selectorLine = Object.freeze(infoS(4, 'cluster_feeder.go:432', 'Using selector', { selector, vpa: kref(lines.namespace, lines.name) }));
  }
  return lines.selectorLine;
}

/** checkpoint_writer.go:114 "Saved checkpoint for VPA", for one of its containers. */
export function savedCheckpointLine(o: VpaObjectState, container: string): CaLogLine {
  const lines = linesOf(o);
  let line = lines.checkpoints.get(container);
  if (line === undefined) {
    line = Object.freeze(infoS(3, 'checkpoint_writer.go:114', 'Saved checkpoint for VPA', { vpa: kref(lines.namespace, lines.name), container }));
    lines.checkpoints.set(container, line);
  }
  return line;
}
