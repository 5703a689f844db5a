/**
 * Simulated message queues (an SQS queue, a RabbitMQ queue) outside the cluster. A producer adds
 * messages at a rate that follows a profile; Ready pods of the consumer Deployment receive them,
 * work on them and delete them. Messages are whole: fractional rates carry over between ticks,
 * so the counts KEDA reads are integers, as the queue APIs report them.
 *
 * What the model keeps on purpose: messages wait in FIFO order (so the oldest message's age grows
 * while nobody consumes), nothing is processed while the consumer has no Ready pod (cold start),
 * and each pod works on `concurrencyPerPod` messages at once, each for concurrency / rate seconds,
 * so that at any instant rate × time-per-message of them are in flight (SQS NotVisible, RabbitMQ
 * unacked) even when nothing waits. Messages leave the waiting FIFO as they are received; the
 * in-flight count is derived from the consumers' busy share. What it drops: visibility timeouts
 * and redelivery, message retention and dead-letter queues.
 */
import type { QueueSpec } from '../../core/scenario';
import type { Pod, World } from '../../core/types';
import { deploymentPods } from '../../resources/workloadKinds';
import { settleCpu } from '../../cluster/cpuLedgerPending';

/** Messages enqueued in the same tick share one batch: enough for FIFO ages at 1 s resolution. */
export interface QueueBatch {
  enqueuedMs: number;
  count: number;
}

export interface QueueState {
  spec: QueueSpec;
  batches: QueueBatch[];
  /** Waiting, receivable (SQS ApproximateNumberOfMessagesVisible; RabbitMQ ready). */
  visible: number;
  /** Received by a consumer, not yet deleted (SQS NotVisible; RabbitMQ unacked). */
  inFlight: number;
  oldestAgeSeconds: number;
  producedTotal: number;
  consumedTotal: number;
  /** The last tick's rates, messages per second. */
  producedPerSecond: number;
  consumedPerSecond: number;
  readyConsumers: number;
  /** Fractions of a message carried to the next tick. */
  produceCarry: number;
  consumeCarry: number;
}

export function newQueueState(spec: QueueSpec, nowMs: number): QueueState {
  const initial = Math.max(0, Math.floor(spec.initialMessages));
  return {
    spec,
    batches: initial > 0 ? [{ enqueuedMs: nowMs, count: initial }] : [],
    visible: initial,
    inFlight: 0,
    oldestAgeSeconds: 0,
    producedTotal: 0,
    consumedTotal: 0,
    producedPerSecond: 0,
    consumedPerSecond: 0,
    readyConsumers: 0,
    produceCarry: 0,
    consumeCarry: 0,
  };
}

/** The producer's rate at `timeMs`: each step holds its rate, ramping linearly from the previous one. */
export function producerRate(profile: QueueSpec['producer'], timeMs: number): number {
  let rate = 0;
  let previous = 0;
  for (const step of profile) {
    if (timeMs < step.atMs) break;
    const into = timeMs - step.atMs;
    rate = step.rampMs > 0 && into < step.rampMs ? previous + ((step.ratePerSecond - previous) * into) / step.rampMs : step.ratePerSecond;
    previous = step.ratePerSecond;
  }
  return rate;
}

export function queueDepth(q: Pick<QueueState, 'visible' | 'inFlight'>): number {
  return q.visible + q.inFlight;
}

/**
 * How many messages one pod can finish per second: its configured rate, or less when the CPU a
 * message costs does not fit in the pod's CPU limit (its node's allocatable without a limit).
 */
export function podThroughput(spec: QueueSpec['consumer'], cpuCapMillis: number): number {
  if (spec.cpuPerMessageMillis <= 0) return spec.messagesPerSecondPerPod;
  return Math.min(spec.messagesPerSecondPerPod, cpuCapMillis / spec.cpuPerMessageMillis);
}

function takeFromHead(batches: QueueBatch[], n: number): void {
  let left = n;
  while (left > 0 && batches.length > 0) {
    const head = batches[0];
    const take = Math.min(head.count, left);
    head.count -= take;
    left -= take;
    if (head.count === 0) batches.shift();
  }
}

function readyConsumerPods(world: World, spec: QueueSpec): Pod[] {
  const d = world.deployments.get(spec.consumer.deployment);
  if (!d) return [];
  return deploymentPods(world, d).filter((p) => p.state === 'Ready');
}

function cpuCap(world: World, pod: Pod): number {
  if (pod.limit.cpuMillis > 0) return pod.limit.cpuMillis;
  return world.nodes.get(pod.nodeName)?.allocatable.cpuMillis ?? 1000;
}

/** One step of `dtMs` ending at world.timeMs: produce, consume on Ready pods, burn their CPU. */
export function stepQueue(world: World, q: QueueState, dtMs: number): void {
  const dt = dtMs / 1000;
  const now = world.timeMs;
  const spec = q.spec;

  q.produceCarry += producerRate(spec.producer, now) * dt;
  const produced = Math.floor(q.produceCarry + 1e-9);
  q.produceCarry = Math.max(0, q.produceCarry - produced);
  if (produced > 0) {
    const last = q.batches[q.batches.length - 1];
    if (last && last.enqueuedMs === now) last.count += produced;
    else q.batches.push({ enqueuedMs: now, count: produced });
  }

  const pods = readyConsumerPods(world, spec);
  const throughputs = pods.map((p) => podThroughput(spec.consumer, cpuCap(world, p)));
  const totalThroughput = throughputs.reduce((a, b) => a + b, 0);
  const capacity = totalThroughput * dt + q.consumeCarry;
  const waiting = q.visible + produced;
  const consumed = Math.min(waiting, Math.floor(capacity + 1e-9));
  // Unused capacity is not banked: an idle consumer cannot work ahead on messages not yet sent.
  q.consumeCarry = consumed < waiting ? Math.max(0, capacity - consumed) : 0;
  takeFromHead(q.batches, consumed);

  if (consumed > 0 && spec.consumer.cpuPerMessageMillis > 0) {
    // After what the load model owes the same counters: each takes its additions in tick order.
    settleCpu(world);
    for (let i = 0; i < pods.length; i++) {
      const share = totalThroughput > 0 ? throughputs[i] / totalThroughput : 0;
      // millicore-seconds per message × messages → millicore-milliseconds.
      world.podCpu.used[pods[i].cpuSlot] += consumed * share * spec.consumer.cpuPerMessageMillis * 1000;
    }
  }

  // Messages being worked on at any instant (Little's law: rate × time per message): the busy
  // share of the consumers' slots. All slots are busy while a backlog waits.
  const slots = pods.length * spec.consumer.concurrencyPerPod;
  const busy = totalThroughput > 0 ? Math.min(1, consumed / (totalThroughput * dt)) : 0;
  q.visible = waiting - consumed;
  q.inFlight = q.visible > 0 ? slots : Math.min(slots, Math.round(slots * busy));
  q.producedTotal += produced;
  q.consumedTotal += consumed;
  q.producedPerSecond = dt > 0 ? produced / dt : 0;
  q.consumedPerSecond = dt > 0 ? consumed / dt : 0;
  q.readyConsumers = pods.length;
  const perMessageSeconds = totalThroughput > 0 ? slots / totalThroughput : 0;
  q.oldestAgeSeconds = q.batches.length > 0 ? Math.max(0, (now - q.batches[0].enqueuedMs) / 1000) : q.inFlight > 0 ? perMessageSeconds : 0;
}
