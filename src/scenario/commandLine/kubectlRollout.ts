import type { Command } from '../../sim/core/commands';
import type { FlagSpec, ParsedFlags } from './flags';
import { resourceRefs } from './resources';
import { msg } from '../../sim/core/message';
import { fail, ok, type ParseResult } from './types';

export const ROLLOUT_FLAGS: FlagSpec[] = [
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
  { name: 'revision', kind: 'int' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'string', repeatable: true },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'dry-run', kind: 'string' },
  { name: 'to-revision', kind: 'int' },
  { name: 'field-manager', kind: 'string' },
];

const NOT_SIMULATED = ['history', 'undo', 'pause', 'resume'];

/**
 * `kubectl rollout status TYPE/NAME` is a view (the engine reads the ReplicaSets);
 * `kubectl rollout restart TYPE/NAME` is a command that stamps the pod template.
 */
export function parseRollout(flags: ParsedFlags, namespace: string, line: string, viewArgs: () => string[]): ParseResult {
  const [sub, ...rest] = flags.args;
  if (sub === undefined) return fail('error: kubectl rollout needs a subcommand; the playground simulates "rollout status" and "rollout restart"', msg('cmd.rollout.needsSub'));
  if (NOT_SIMULATED.includes(sub)) {
    return fail(`error: "kubectl rollout ${sub}" is not simulated in the playground (the playground keeps no revision history); "rollout status" and "rollout restart" are`, msg('cmd.rollout.notSimulated', { sub }));
  }
  if (sub !== 'status' && sub !== 'restart') return fail(`error: unknown command "${sub}" for "kubectl rollout"`);
  if (rest.length === 0) return fail('error: required resource not specified');
  const refs = resourceRefs(rest);
  if (!refs.ok) return fail(refs.error);
  if (sub === 'status') return ok({ type: 'view', line, args: viewArgs() });
  return ok(...refs.refs.map((r): Command => ({ type: 'rolloutRestart', kind: r.type, name: r.name, namespace })));
}
