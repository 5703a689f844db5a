import { flagValue, type ParsedFlags } from './flags';
import { msg } from '../../sim/core/message';
import { fail, ok, type ParseResult } from './types';

const SHELLS = new Set(['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash', '/usr/bin/env']);

const EXAMPLE = 'kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"';

/** The shell script a pod runs: `sh -c SCRIPT`, or the words themselves. */
function scriptOf(words: readonly string[]): string {
  if (words.length >= 3 && SHELLS.has(words[0])) {
    const c = words.indexOf('-c');
    if (c >= 0 && c + 1 < words.length) return words[c + 1];
  }
  return words.join(' ');
}

/** The Service a fetch loop calls: http://php-apache, php-apache.default.svc.cluster.local:80/x → php-apache. */
export function targetOfScript(script: string): string | undefined {
  const url = /\b(?:https?:\/\/)([A-Za-z0-9.-]+)(?::\d+)?/.exec(script);
  let host = url?.[1];
  if (host === undefined) {
    // wget/curl with a bare host: the last word that is not a flag.
    const fetch = /\b(?:wget|curl)\b([^;&|]*)/.exec(script);
    const words = (fetch?.[1] ?? '').trim().split(/\s+/).filter((w) => w !== '' && !w.startsWith('-'));
    host = words[words.length - 1]?.replace(/[:/].*$/, '');
  }
  if (!host) return undefined;
  return host.split('.')[0];
}

/** Seconds slept between requests: `sleep 0.01` → 10 ms; no sleep → 0 (back to back). */
export function thinkTimeOfScript(script: string): number | undefined {
  const m = /\bsleep\s+([0-9]*\.?[0-9]+)(s|m|h)?\b/.exec(script);
  if (!m) return 0;
  const factor = { s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000;
  return Math.round(Number(m[1]) * factor);
}

export function parseRun(flags: ParsedFlags): ParseResult {
  const [podName, ...extra] = flags.args;
  if (podName === undefined) return fail(`error: NAME is required for run\nSee 'kubectl run -h' for help and examples`);
  const image = flagValue(flags, 'image');
  if (!image) return fail(`error: --image is required\nSee 'kubectl run -h' for help and examples`);
  const restart = flagValue(flags, 'restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return fail(`error: invalid restart policy: ${restart}`);
  const words = [...extra, ...(flags.afterDashes ?? [])];
  if (words.length === 0) return fail(`error: the playground runs pods as load generators only: give the command that loops over a Service URL, e.g.\n  ${EXAMPLE}`, msg('cmd.run.noCommand', { example: EXAMPLE }));
  const script = scriptOf(words);
  if (!/\b(while|for|until)\b/.test(script) || !/\b(wget|curl)\b/.test(script)) {
    return fail(`error: the playground runs pods as load generators only: the command must loop over wget or curl, e.g.\n  ${EXAMPLE}`, msg('cmd.run.noLoop', { example: EXAMPLE }));
  }
  const target = targetOfScript(script);
  if (target === undefined) return fail(`error: could not find the Service URL the load generator fetches in: ${script}`, msg('cmd.run.noTarget', { script }));
  return ok({ type: 'runLoadGenerator', podName, image, target, thinkTimeMs: thinkTimeOfScript(script) ?? 0 });
}
