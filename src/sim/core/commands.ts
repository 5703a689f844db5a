/**
 * Everything a person (or a scenario timeline) does is a Command, stamped with sim time and
 * applied at a tick boundary. Command lines (kubectl …, aws …) are parsed into these by
 * src/scenario/commandLine.ts; the engine applies them in src/sim/commands/apply.ts.
 */
import type { Message } from './message';

export type ManifestDoc = Record<string, unknown>;

export type Command =
  | { type: 'scale'; kind: string; name: string; namespace: string; replicas: number }
  | { type: 'apply'; manifests: ManifestDoc[] }
  | { type: 'delete'; kind: string; name: string; namespace: string }
  | { type: 'cordon'; node: string }
  | { type: 'uncordon'; node: string }
  | { type: 'drain'; node: string; ignoreDaemonsets: boolean; deleteEmptyDirData: boolean; force: boolean }
  | {
      type: 'autoscale';
      kind: string;
      name: string;
      namespace: string;
      cpuPercent?: number;
      /** The target was given as `--cpu=N%` (kubectl ≥ 1.34), not the deprecated `--cpu-percent`: no warning. */
      cpuFlag?: boolean;
      min?: number;
      max: number;
      hpaName?: string;
    }
  | {
      type: 'runLoadGenerator';
      podName: string;
      image: string;
      target: string;
      /** Sleep between requests of the shell loop, e.g. 10 ms for `while sleep 0.01`. */
      thinkTimeMs: number;
    }
  | { type: 'setLoad'; target: string; rps?: number; clients?: number; thinkTimeMs?: number }
  | {
      type: 'updateAsg';
      name: string;
      minSize?: number;
      maxSize?: number;
      desiredCapacity?: number;
    }
  | { type: 'setHpaBounds'; name: string; namespace: string; min?: number; max?: number; targetCpu?: number }
  | { type: 'interruptSpot'; node: string }
  | { type: 'killNode'; node: string }
  | { type: 'view'; line: string; args: string[] }
  /** `kubectl set resources`: new requests/limits on a Deployment's containers (a new template, so a rollout). */
  | {
      type: 'setResources';
      kind: string;
      name: string;
      namespace: string;
      /** Container name, or '*' for every container (kubectl's default). */
      container: string;
      requests: ResourceChange;
      limits: ResourceChange;
    }
  /** `kubectl rollout restart`: stamps the template's restartedAt annotation, so a rollout. */
  | { type: 'rolloutRestart'; kind: string; name: string; namespace: string }
  /** `aws ec2 terminate-instances --instance-ids i-…`: the instances behind nodes, found by providerID. */
  | { type: 'terminateInstances'; instanceIds: string[] }
  /** The spot interruption notice for instances (AWS FIS's send-spot-instance-interruptions; a playground CLI form). */
  | { type: 'sendSpotInterruption'; instanceIds: string[] }
  /** `playground fault zone/Z --for=D`: the zone's nodes stop responding and EC2 launches there fail until D is over. */
  | { type: 'zoneOutage'; zone: string; durationMs: number }
  /** `playground fault metrics-server --for=D`: the resource metrics API is unavailable for D. */
  | { type: 'metricsServerOutage'; durationMs: number }
  /** `playground fault capacity/TYPE [--zone=Z] --for=D`: EC2 has no capacity of TYPE (InsufficientInstanceCapacity). */
  | { type: 'capacityShortage'; instanceType: string; zone?: string; durationMs: number };

/** Resources a command sets; an absent field is left as it is. CPU in millicores, memory in MiB. */
export interface ResourceChange {
  cpuMillis?: number;
  memoryMiB?: number;
}

export interface TimedCommand {
  atMs: number;
  /** What the person typed, for the command log and the share URL. */
  input: string;
  command: Command;
}

/** What applying one command printed, and whether it succeeded (kubectl's exit status). */
export interface CommandResult {
  ok: boolean;
  /** As a terminal prints it; the trace keeps this (English for the playground's own words). */
  output: string;
  /** The playground's own words (not kubectl's or a controller's) as a Message, for the console in the reader's language. */
  msg?: Message;
  /** The playground's remark after the output (e.g. what it left out), in the reader's language; not part of `output`. */
  note?: Message;
}
