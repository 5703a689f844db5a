import { parseGoDuration } from '../../sim/commands/goDuration';
import { flagInt, flagValue, parseFlags } from './flags';
import { fail, ok, type ParseResult } from './types';

const USAGE = 'usage: playground load TARGET (--rps=N | --clients=N [--think-time=10ms]) | playground fault node/NAME | playground interrupt-spot node/NAME';

function nodeArg(words: readonly string[], verb: string): string | ParseResult {
  if (words.length !== 1) return fail(`error: playground ${verb} takes one node: playground ${verb} node/NAME`);
  return words[0].replace(/^(node|nodes|no)\//, '');
}

/**
 * The playground's own commands for what the UI's controls do and no real CLI does: set the load
 * on a Service, make a node stop responding, send a spot interruption to a node by name. The UI
 * records its actions in these forms, so they replay from a share link like any command line.
 */
export function parsePlayground(words: readonly string[]): ParseResult {
  const [verb, ...rest] = words;
  if (verb === 'fault' || verb === 'interrupt-spot') {
    const node = nodeArg(rest, verb);
    if (typeof node !== 'string') return node;
    return ok(verb === 'fault' ? { type: 'killNode', node } : { type: 'interruptSpot', node });
  }
  if (verb !== 'load') return fail(verb === undefined ? USAGE : `error: unknown playground command "${verb}"\n${USAGE}`);
  const parsed = parseFlags(rest, [{ name: 'rps', kind: 'int' }, { name: 'clients', kind: 'int' }, { name: 'think-time', kind: 'string' }]);
  if (!parsed.ok) return fail(`error: ${parsed.error}\n${USAGE}`);
  const [target, ...extra] = parsed.flags.args;
  if (target === undefined || extra.length > 0) return fail(USAGE);
  const rps = flagInt(parsed.flags, 'rps');
  const clients = flagInt(parsed.flags, 'clients');
  if ((rps === undefined) === (clients === undefined)) return fail(`error: give exactly one of --rps and --clients\n${USAGE}`);
  if ((rps ?? clients ?? 0) < 0) return fail('error: load cannot be negative');
  if (rps !== undefined) return ok({ type: 'setLoad', target, rps });
  const think = flagValue(parsed.flags, 'think-time');
  if (think === undefined) return ok({ type: 'setLoad', target, clients: clients! });
  const d = parseGoDuration(think);
  if (!d.ok || d.seconds < 0) return fail(`error: invalid argument "${think}" for "--think-time" flag: ${d.ok ? 'must not be negative' : d.error}`);
  return ok({ type: 'setLoad', target, clients: clients!, thinkTimeMs: Math.round(d.seconds * 1000) });
}
