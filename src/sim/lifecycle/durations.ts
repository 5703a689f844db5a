import { jittered } from '../core/rng';
import type { Node, Pod, RngState } from '../core/types';

/**
 * How long each timed lifecycle step takes. Nominal values and their sources are in
 * docs/lifecycle-durations.md; every draw is jittered by the world's seeded RNG, so a different
 * seed changes the timing but not the outcome.
 */
export const POD_DURATIONS = {
  /** Kubelet sees the binding, creates the sandbox and the VPC CNI assigns an IP. */
  sandboxMs: 1500,
  /** First pull of an image on a node (a small image over ECR/Docker Hub). */
  imagePullMs: 4000,
  /** Cached image ("Container image … already present on machine"): only container start. */
  containerStartMs: 700,
  /** App shutdown on SIGTERM, capped by terminationGracePeriodSeconds. */
  shutdownMs: 2000,
  oomRestartMs: 300,
  /** Kubelet crash-loop back-off: 10 s doubling to 5 m. */
  crashBackoffBaseMs: 10_000,
  crashBackoffMaxMs: 300_000,
  podGcMs: 60_000,
} as const;

export const NODE_DURATIONS = {
  /** RunInstances → instance running and booted far enough to start kubelet. */
  ec2BootMs: 35_000,
  /** kubelet registers, then the VPC CNI (aws-node) comes up and the node turns Ready. */
  registerToReadyMs: 20_000,
  /** EC2 shutting-down → terminated, after which the Node object goes away. */
  terminateMs: 30_000,
} as const;

const JITTER = 0.25;

export function podDelayMs(delay: string, pod: Pod, node: Node | undefined, rng: RngState): number {
  switch (delay) {
    case 'sandbox':
      return jittered(rng, POD_DURATIONS.sandboxMs, JITTER);
    case 'pullAndStart': {
      const cached = node !== undefined && pod.spec.containers.every((c) => node.pulledImages.includes(c.image));
      const pull = cached ? 0 : jittered(rng, POD_DURATIONS.imagePullMs, 0.5);
      return pull + jittered(rng, POD_DURATIONS.containerStartMs, JITTER);
    }
    case 'readiness':
      return pod.spec.readinessDelaySeconds * 1000;
    case 'grace':
      return Math.min(pod.spec.terminationGracePeriodSeconds * 1000, jittered(rng, POD_DURATIONS.shutdownMs, 0.5));
    case 'oomRestart':
      return POD_DURATIONS.oomRestartMs;
    case 'crashBackoff':
      return Math.min(
        POD_DURATIONS.crashBackoffMaxMs,
        POD_DURATIONS.crashBackoffBaseMs * 2 ** Math.max(0, pod.restarts - 1),
      );
    case 'podGc':
      return POD_DURATIONS.podGcMs;
    default:
      throw new Error(`unknown pod delay ${delay}`);
  }
}

export function nodeDelayMs(delay: string, rng: RngState): number {
  switch (delay) {
    case 'boot':
      return jittered(rng, NODE_DURATIONS.ec2BootMs, 0.2);
    case 'register':
      return jittered(rng, NODE_DURATIONS.registerToReadyMs, JITTER);
    case 'terminate':
      return jittered(rng, NODE_DURATIONS.terminateMs, JITTER);
    default:
      throw new Error(`unknown node delay ${delay}`);
  }
}
