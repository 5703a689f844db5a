import type { Controller } from '../../core/controllers';
import type { World } from '../../core/types';
import { reportOnce } from './controllerNotices';
import { controllerPodRunning, deploymentsRunningImage, sameArgv } from './controllerPod';
import { parseCaFlags, type CaOptions } from './flags';
import { log } from './messages';
import { printCaLogs } from './output';
import { runCaScan } from './scan';
import { caState, ensureCaState } from './state';

export const CA_IMAGE_REPOSITORY = 'cluster-autoscaler';

/**
 * The Cluster Autoscaler's process: present when a Deployment runs its image, configured by that
 * container's flags, scanning every --scan-interval from the moment its pod runs. The engine
 * calls this every second; the scan itself keeps the CA's own period.
 */
export function runClusterAutoscaler(world: World): void {
  const found = deploymentsRunningImage(world, CA_IMAGE_REPOSITORY)[0];
  const existing = caState(world);
  if (!found) {
    if (existing) existing.podRunning = false;
    return;
  }
  const state = existing ?? ensureCaState(world);
  // found.key, not a string built here: a fresh one was flattened to be compared, every second.
  const key = found.key;
  if (state.deployment !== key || !sameArgv(state.argv, found.argv)) {
    // New flags mean a new CA process: it re-reads them and starts its loop afresh.
    state.deployment = key;
    state.argv = found.argv;
    state.reported = [];
    state.podRunning = false;
    const parsed = parseCaFlags(found.argv);
    for (const n of parsed.notices) reportOnce(world, state, n, 'I');
    for (const w of parsed.warnings) reportOnce(world, state, w, 'W');
    for (const e of parsed.errors) reportOnce(world, state, `${e} (the real cluster-autoscaler exits on this; it does not run here)`, 'E');
    state.flagErrors = parsed.errors;
  }
  if (state.flagErrors.length > 0) return;
  const running = controllerPodRunning(world, found.deployment);
  if (running && !state.podRunning) {
    state.nextScanMs = world.timeMs;
    state.processStartMs = world.timeMs;
    // version.ClusterAutoscalerVersion has no "v": the image tag without it.
    printCaLogs(world, [log(1, 'main.go:350', `Cluster Autoscaler ${imageTag(found.container.image).replace(/^v/, '')}`)], optionsOf(found.argv).verbosity);
  }
  state.podRunning = running;
  if (!running || world.timeMs < state.nextScanMs) return;
  const options = optionsOf(state.argv);
  state.nextScanMs = world.timeMs + Math.max(1, options.scanIntervalSeconds) * 1000;
  runCaScan(world, state, options);
}

/** The options of the last argv parsed for a scan: flags change only when the Deployment does (read only). */
let lastFlags: { argv: readonly string[]; key: string; options: CaOptions } | undefined;

function optionsOf(argv: readonly string[]): CaOptions {
  // The same argv array (the state keeps the lookup's until the flags change) needs no joined key.
  if (lastFlags?.argv === argv) return lastFlags.options;
  const key = argv.join('\u0000');
  if (lastFlags?.key !== key) lastFlags = { argv, key, options: parseCaFlags(argv).options };
  else lastFlags.argv = argv;
  return lastFlags.options;
}

function imageTag(image: string): string {
  const tag = image.split('@')[0].split('/').pop()?.split(':')[1];
  return tag ?? 'latest';
}

export const clusterAutoscalerController: Controller = {
  name: 'cluster-autoscaler',
  periodMs: 1000,
  phaseMs: 0,
  run: runClusterAutoscaler,
};
