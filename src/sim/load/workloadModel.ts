import type { ContainerSpec, LoadSpec, Node, Pod, World } from '../core/types';
import { emitEvent } from '../core/world';
import { sendPod } from '../lifecycle/apply';

/**
 * What a pod's own code does, apart from the requests a load sends it (docs/vpa.md, "Workload model"):
 * - CPU: a constant demand per pod, e.g. the VPA hamster's `timeout 0.5s yes; sleep 0.5s` loop
 *   (about 500m), capped like any work by the pod's CPU limit or its node's allocatable CPU;
 * - memory: a working set at rest, plus what in-flight requests hold (loadModel.ts), plus an
 *   optional leak that grows with the time since the container last started;
 * - an OOM kill when the working set passes the pod's memory limit.
 * All of it only for Running/Ready pods, on metrics-server's 15 s scrape (memory, OOM) or every
 * tick (CPU of Ready pods, through a cached index like the load model's).
 */

/** A shell loop that keeps one core busy for `busy` seconds, then sleeps `idle` seconds. */
const TIMEOUT_YES_LOOP = /timeout\s+([0-9.]+)s?\s+yes\b[^;]*;\s*sleep\s+([0-9.]+)s?/;
/** `yes > /dev/null` (or `while true; do :; done`) with no sleep: one core, flat out. */
const FLAT_OUT_LOOP = /(^|[;&|\s])yes(\s|$)|while\s+(true|:);\s*do\s+:?;?\s*done/;

/**
 * CPU (millicores) a container's command keeps busy on its own, read from the command line for the
 * busy loops of the Kubernetes examples; 0 when the command does not say.
 */
export function busyLoopCpuMillis(container: Pick<ContainerSpec, 'command' | 'args'>): number {
  // Containers are their template's objects, shared by its pods and never edited in place: the
  // answer is kept per container, as the workload index asks again whenever a pod turns Ready.
  let millis = busyLoopByContainer.get(container);
  if (millis === undefined) busyLoopByContainer.set(container, (millis = readBusyLoop(container)));
  return millis;
}

const busyLoopByContainer = new WeakMap<Pick<ContainerSpec, 'command' | 'args'>, number>();

function readBusyLoop(container: Pick<ContainerSpec, 'command' | 'args'>): number {
  const line = [...container.command, ...container.args].join(' ');
  const timed = TIMEOUT_YES_LOOP.exec(line);
  if (timed) {
    const busy = Number(timed[1]);
    const idle = Number(timed[2]);
    return busy + idle > 0 ? Math.round((1000 * busy) / (busy + idle)) : 0;
  }
  if (/\bsleep\b/.test(line)) return 0;
  return FLAT_OUT_LOOP.test(line) ? 1000 : 0;
}

/** The pod's constant CPU demand: the load's `cpuPerPodMillis` if set, else its containers' busy loops. */
export function podBusyCpuMillis(pod: Pod, load: LoadSpec | undefined): number {
  if (load?.cpuPerPodMillis !== undefined) return load.cpuPerPodMillis;
  let sum = 0;
  for (const c of pod.spec.containers) sum += busyLoopCpuMillis(c);
  return sum;
}

/** The most CPU a pod can burn: its limit (the CFS quota), else its node's allocatable CPU. */
export function podCpuCap(pod: Pod, node: Node | undefined): number {
  return pod.limit.cpuMillis > 0 ? pod.limit.cpuMillis : (node?.allocatable.cpuMillis ?? 1000);
}

/**
 * When the pod's container last started (sim ms). A Ready pod became Ready its readiness delay
 * after starting; a pod still starting up has just started.
 */
export function containerStartMs(pod: Pod, nowMs: number): number {
  if (pod.state === 'Ready') return pod.readySinceMs - pod.spec.readinessDelaySeconds * 1000;
  if (pod.restarts === 0 && pod.startedMs >= 0) return pod.startedMs;
  return nowMs;
}

/**
 * Working set at rest: the load's `memoryBaseMiB` if set, else 60% of the memory the pod's
 * template requests (32 MiB without a request). The template's request (the ReplicaSet's), not
 * the pod's: a VPA that raises a pod's request does not make the program use more memory.
 */
export function restingMemoryMiB(world: World, pod: Pod, load: LoadSpec | undefined, owners?: OwnerRequestMemo): number {
  if (load?.memoryBaseMiB !== undefined) return load.memoryBaseMiB;
  const fromTemplate = pod.ownerKind === 'ReplicaSet' ? templateMemoryRequest(world, pod.ownerName, owners) : undefined;
  const requested = fromTemplate ?? pod.request.memoryMiB;
  return requested > 0 ? requested * 0.6 : 32;
}

/**
 * The last ReplicaSet asked about and its template's memory request (undefined: no such
 * ReplicaSet), for one pass over the pods (the scrape): a ReplicaSet's pods mostly come one after
 * another in the pod list, and each asked again costs a map lookup and a walk over the template's
 * containers. Valid while no ReplicaSet is added, removed or replaced, so a pass makes a new one
 * and forgets it (forgetOwner) whenever it runs code that could change them.
 */
export interface OwnerRequestMemo {
  ownerName: string | null;
  requested: number | undefined;
}

export function newOwnerRequestMemo(): OwnerRequestMemo {
  return { ownerName: null, requested: undefined };
}

export function forgetOwner(owners: OwnerRequestMemo): void {
  owners.ownerName = null;
}

/** The summed memory request of a ReplicaSet's template; undefined when there is no such ReplicaSet. */
function templateMemoryRequest(world: World, ownerName: string, owners: OwnerRequestMemo | undefined): number | undefined {
  if (owners !== undefined && owners.ownerName === ownerName) return owners.requested;
  const template = world.replicaSets.get(ownerName)?.template;
  let requested: number | undefined;
  if (template) {
    requested = 0;
    for (const c of template.containers) requested += c.requests.memoryMiB;
  }
  if (owners !== undefined) {
    owners.ownerName = ownerName;
    owners.requested = requested;
  }
  return requested;
}

/** Resting memory plus the leak accumulated since the container started. */
export function workingSetAtRestMiB(world: World, pod: Pod, load: LoadSpec | undefined, nowMs: number, owners?: OwnerRequestMemo): number {
  const base = restingMemoryMiB(world, pod, load, owners);
  const leak = load?.memoryLeakMiBPerHour ?? 0;
  if (leak <= 0) return base;
  return base + (leak * Math.max(0, nowMs - containerStartMs(pod, nowMs))) / 3_600_000;
}


/** What an OOM observer (the VPA recommender's) learns of a kill. */
export interface OomKill {
  atMs: number;
  /** How long the container ran before it was killed. */
  runMs: number;
  workingSetMiB: number;
  limitMiB: number;
  /** The pod's memory request when it was killed. */
  requestMiB: number;
  /** The container the kernel killed (the largest memory user: the first with a limit). */
  container: string;
}

/** Code that wants to hear of OOM kills as they happen (not world data: registered at import, like admission hooks). */
export const oomObservers: ((world: World, pod: Pod, kill: OomKill) => void)[] = [];

/** A pid that reads like one, stable for a pod and its restart count (no RNG draw). */
function victimPid(pod: Pod): number {
  return 1000 + ((pod.uid * 7919 + pod.restarts * 104729) % 30000);
}

function victimProcess(pod: Pod): string {
  const c = pod.spec.containers[0];
  if (!c) return 'app';
  const line = [...c.command, ...c.args].join(' ');
  if (/\byes\b/.test(line)) return 'yes';
  const first = c.command[0] ?? c.image.split('/').pop()?.split(':')[0] ?? 'app';
  return first.split('/').pop() ?? first;
}

/**
 * The kernel's OOM killer: a working set past the memory limit kills the container. The pod goes
 * OOMKilled → CrashLoopBackOff (10 s doubling to 5 m) → Running; the kubelet's OOM watcher records a
 * SystemOOM warning on the node. Returns whether the pod was killed.
 */
export function killIfOverMemoryLimit(world: World, pod: Pod): boolean {
  const limit = pod.limit.memoryMiB;
  if (limit <= 0 || pod.memoryMiB <= limit) return false;
  const now = world.timeMs;
  const kill: OomKill = {
    atMs: now,
    runMs: Math.max(0, now - containerStartMs(pod, now)),
    workingSetMiB: pod.memoryMiB,
    limitMiB: limit,
    requestMiB: pod.request.memoryMiB,
    container: (pod.spec.containers.find((c) => c.limits.memoryMiB > 0) ?? pod.spec.containers[0])?.name ?? '',
  };
  emitEvent(world, {
    kind: 'Node',
    name: pod.nodeName,
    namespace: '',
    type: 'Warning',
    reason: 'SystemOOM',
    message: `System OOM encountered, victim process: ${victimProcess(pod)}, pid: ${victimPid(pod)}`,
    source: 'kubelet',
  });
  if (!sendPod(world, pod, 'OOM')) return false;
  for (const observe of oomObservers) observe(world, pod, kill);
  return true;
}
