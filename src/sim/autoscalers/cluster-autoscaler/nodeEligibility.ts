import { SCALE_DOWN_DISABLED_ANNOTATION, checkScaleDownEligibility, type Eligibility } from './eligibility';
import type { CaOptions } from './flags';
import { log } from './messages';
import { isLongTerminating } from './utilization';
import type { CaLogLine, CaNode, CaPod } from './types';
import { msg, type Message } from '../../core/message';
import { goFormatG } from '../../core/goFormat';

export type NodeScaleDownState =
  'not-autoscaled' | 'not-candidate' | 'blocked' | 'unneeded' | 'deleting' | 'to-delete';

/** One node's eligibility verdict with what the scan shows of it. Read only: it may serve later scans. */
export interface NodeEligibility {
  el: Eligibility;
  state: NodeScaleDownState;
  explanation: Message;
  log?: CaLogLine;
  /** Pods the drain would evict (drainability rule longterminating skips pods past their grace period). */
  movable: CaPod[];
}

const isMovable = (p: CaPod): boolean => !p.isDaemonSet && !p.isMirror;

/** eligibility.go prints a utilization as `%.6g%%` of Utilization*100. */
const percent = (utilization: number): string => goFormatG(utilization * 100, 6);

/** eligibility.go for one node, with the why-panel text and the klog line it gives. */
function evaluate(n: CaNode, pods: readonly CaPod[], beingDeleted: boolean, o: CaOptions, now: number): NodeEligibility {
  const el = checkScaleDownEligibility({ allocatable: n.allocatable, pods, ready: n.ready, annotations: n.annotations, beingDeleted }, o, now);
  const u = el.utilization;
  if (el.candidate) {
    return {
      el,
      state: 'not-candidate',
      explanation: msg('engine.ca.node.candidate', { node: n.name }),
      // Printed under the loop's utilization logging quota (categorize.ts).
      log: log(4, 'eligibility.go:167', `Node ${n.name} - ${u!.resourceName} requested is ${percent(u!.utilization)}% of allocatable`),
      movable: pods.filter((p) => isMovable(p) && !isLongTerminating(p, now)),
    };
  }
  if (el.reason === 'CurrentlyBeingDeleted') {
    return {
      el,
      state: 'deleting',
      explanation: msg('engine.ca.node.deleting', { node: n.name }),
      log: log(1, 'eligibility.go:113', `Skipping ${n.name} from delete consideration - the node is currently being deleted`),
      movable: [],
    };
  }
  if (el.reason === 'NotUnderutilized' && u) {
    return {
      el,
      state: 'not-candidate',
      explanation: msg('engine.ca.node.notUnderutilized', { node: n.name, resource: u.resourceName, utilization: u.utilization.toFixed(2), threshold: o.scaleDownUtilizationThreshold }),
      log: log(4, 'eligibility.go:163', `Node ${n.name} unremovable: ${u.resourceName} requested (${percent(u.utilization)}% of allocatable) is above the scale-down utilization threshold`),
      movable: [],
    };
  }
  if (el.reason === 'ScaleDownDisabledAnnotation') {
    return {
      el,
      state: 'not-candidate',
      explanation: msg('engine.ca.node.disabledAnnotation', { node: n.name }),
      log: log(1, 'eligibility.go:119', `Skipping ${n.name} from delete consideration - the node is marked as no scale down`),
      movable: [],
    };
  }
  return {
    el,
    state: 'not-candidate',
    explanation: msg('engine.ca.node.unready', { node: n.name }),
    log: log(4, 'eligibility.go:152', `Skipping unready node ${n.name} from delete consideration - scale-down of unready nodes is disabled`),
    movable: [],
  };
}

/** A verdict with everything it was computed from. */
interface Memo {
  node: string;
  pods: readonly CaPod[];
  allocatable: CaNode['allocatable'];
  ready: boolean;
  annotations: CaNode['annotations'];
  beingDeleted: boolean;
  /** The one annotation eligibility reads, by value (annotations could change in place). */
  disabled: boolean;
  threshold: number;
  unreadyEnabled: boolean;
  ignoreDaemonSets: boolean;
  ignoreMirror: boolean;
  /** No pod with a deletion timestamp: the verdict does not depend on the time. */
  timeless: boolean;
  verdict: NodeEligibility;
}

/**
 * The last verdict per node name. The per-node pod lists come from scaleDown.ts's grouping, which
 * keeps a node's array while its pod views are the same objects, and views never change; so the same
 * array, node fields and flags give the same verdict, unless a pod is terminating (the long-
 * terminating rule reads the time). One table for the process: another world's nodes miss it.
 */
const memo = new Map<string, Memo>();

export function nodeEligibility(n: CaNode, pods: readonly CaPod[], beingDeleted: boolean, o: CaOptions, now: number, nodeCount: number): NodeEligibility {
  const m = memo.get(n.name);
  if (
    m !== undefined &&
    m.timeless &&
    m.pods === pods &&
    m.allocatable === n.allocatable &&
    m.ready === n.ready &&
    m.annotations === n.annotations &&
    m.beingDeleted === beingDeleted &&
    m.disabled === (n.annotations?.[SCALE_DOWN_DISABLED_ANNOTATION] === 'true') &&
    m.threshold === o.scaleDownUtilizationThreshold &&
    m.unreadyEnabled === o.scaleDownUnreadyEnabled &&
    m.ignoreDaemonSets === o.ignoreDaemonSetsUtilization &&
    m.ignoreMirror === o.ignoreMirrorPodsUtilization
  ) {
    return m.verdict;
  }
  const verdict = evaluate(n, pods, beingDeleted, o, now);
  if (memo.size > 2 * nodeCount + 64) memo.clear();
  memo.set(n.name, {
    node: n.name,
    pods,
    allocatable: n.allocatable,
    ready: n.ready,
    annotations: n.annotations,
    beingDeleted,
    disabled: n.annotations?.[SCALE_DOWN_DISABLED_ANNOTATION] === 'true',
    threshold: o.scaleDownUtilizationThreshold,
    unreadyEnabled: o.scaleDownUnreadyEnabled,
    ignoreDaemonSets: o.ignoreDaemonSetsUtilization,
    ignoreMirror: o.ignoreMirrorPodsUtilization,
    timeless: pods.every((p) => p.deletionTimestampSeconds === undefined),
    verdict,
  });
  return verdict;
}
