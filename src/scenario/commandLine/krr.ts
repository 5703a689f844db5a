import { parseFlags, type FlagSpec } from './flags';
import { msg } from '../../sim/core/message';
import { fail, ok, type ParseResult } from './types';

const str = (name: string, short?: string, repeatable = false): FlagSpec => ({ name, short, kind: 'string', repeatable });
const bool = (name: string, short?: string): FlagSpec => ({ name, short, kind: 'bool' });

/** robusta-dev/krr's options: the simple strategy's settings (typer spells them with underscores), then the general ones. */
const STRATEGY_OPTIONS = ['cpu_percentile', 'memory_buffer_percentage', 'history_duration', 'timeframe_duration', 'points_required'];
const KRR_FLAGS: FlagSpec[] = [
  ...STRATEGY_OPTIONS.flatMap((o) => [str(o), str(o.replace(/_/g, '-'))]),
  bool('allow_hpa'), bool('allow-hpa'), bool('use_oomkill_data'),
  str('namespace', 'n', true), str('resource', 'r', true), str('selector', 's'), str('prometheus-url', 'p'), str('formatter', 'f'),
  bool('quiet', 'q'), bool('verbose', 'v'), bool('logtostderr'), str('context', 'c'), str('kubeconfig', 'k'), bool('all-clusters'),
  str('max-workers'), str('width'), str('mode', 'm'), str('prometheus-cluster-label', 'l'), str('fileoutput'),
];

const USAGE = "Usage: krr [OPTIONS] COMMAND [ARGS]...\nTry 'krr --help' for help.";

/** `krr simple [options]` (or `python krr.py simple …`): the KRR report is a view over the metric history. */
export function parseKrr(words: readonly string[], line: string): ParseResult {
  const [strategy, ...rest] = words;
  if (strategy === undefined || strategy.startsWith('-')) return fail(`${USAGE}\n\nError: Missing command.`);
  if (strategy !== 'simple') {
    if (strategy === 'simple-limit' || strategy === 'simple_limit' || strategy === 'ai-assisted') return fail(`krr: the playground runs the "simple" strategy only ("${strategy}" is not simulated)`, msg('cmd.krr.strategy', { strategy }));
    return fail(`${USAGE}\n\nError: No such command '${strategy}'.`);
  }
  const parsed = parseFlags(rest, KRR_FLAGS);
  if (!parsed.ok) {
    const option = /unknown (?:shorthand )?flag: '?(-{0,2}[^' ]+)/.exec(parsed.error)?.[1] ?? parsed.error;
    return fail(`Usage: krr simple [OPTIONS]\nTry 'krr simple --help' for help.\n\nError: No such option: ${option}`);
  }
  const flags = parsed.flags;
  if (flags.args.length > 0) return fail(`Usage: krr simple [OPTIONS]\nTry 'krr simple --help' for help.\n\nError: Got unexpected extra argument (${flags.args[0]})`);
  const formatter = flags.values.get('formatter')?.at(-1);
  if (formatter !== undefined && formatter !== 'table') return fail(`krr: the playground prints the table formatter only (got -f ${formatter})`, msg('cmd.krr.formatter', { formatter }));
  const args = ['krr', 'simple'];
  for (const [name, values] of flags.values) for (const v of values) args.push(`--${name}=${v}`);
  return ok({ type: 'view', line, args });
}
