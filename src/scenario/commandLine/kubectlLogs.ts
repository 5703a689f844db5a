import { parseGoDuration } from '../../sim/commands/goDuration';
import { flagInt, flagValue, type FlagSpec, type ParsedFlags } from './flags';
import { fail, ok, type ParseResult } from './types';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'follow', short: 'f', kind: 'bool' },
  { name: 'tail', kind: 'int' },
  { name: 'since', kind: 'string' },
  { name: 'since-time', kind: 'string' },
  { name: 'timestamps', kind: 'bool' },
  { name: 'previous', short: 'p', kind: 'bool' },
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'all-containers', kind: 'bool' },
  { name: 'all-pods', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'prefix', kind: 'bool' },
  { name: 'max-log-requests', kind: 'int' },
  { name: 'limit-bytes', kind: 'int' },
  { name: 'ignore-errors', kind: 'bool' },
  { name: 'pod-running-timeout', kind: 'string' },
  { name: 'insecure-skip-tls-verify-backend', kind: 'bool' },
];

const USAGE = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";

/** kubectl logs' own argument checks; the engine finds the controller and prints its lines (a view). */
export function parseLogs(flags: ParsedFlags, line: string, args: string[]): ParseResult {
  const selector = flagValue(flags, 'selector');
  if (flags.args.length === 0 && selector === undefined) return fail(USAGE);
  if (flags.args.length > 0 && selector !== undefined) return fail('error: only one of a selector or a resource name can be specified');
  if (flags.args.length > 2) return fail(`${USAGE.split('\n')[0]}\nSee 'kubectl logs -h' for help and examples`);
  const since = flagValue(flags, 'since');
  if (since !== undefined) {
    const d = parseGoDuration(since);
    if (!d.ok) return fail(`error: invalid argument "${since}" for "--since" flag: ${d.error}\nSee 'kubectl logs --help' for usage.`);
  }
  if (since !== undefined && flagValue(flags, 'since-time') !== undefined) return fail('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
  const tail = flagInt(flags, 'tail');
  if (tail !== undefined && tail < -1) return fail(`error: --tail must be greater than or equal to -1`);
  return ok({ type: 'view', line, args });
}
