import { parseGoDuration } from '../../sim/commands/goDuration';
import { msg, type Message } from '../../sim/core/message';
import { fail, ok, type ParseResult } from './types';

const USAGE = [
  // i18n-exempt: the English twin of USAGE_MSG, always passed to fail() together
  'usage: playground fault node/NAME',
  '       playground fault zone/ZONE [--for=30m]',
  '       playground fault metrics-server [--for=5m]',
  '       playground fault capacity/INSTANCE_TYPE [--zone=ZONE] [--for=30m]',
  '       playground interrupt-spot node/NAME',
].join('\n');
const USAGE_MSG = msg('cmd.playground.usage');

/** A failure of the playground's own command: its English text and the same as a Message. */
type Failure = { error: string; msg: Message };

/** How long a fault lasts when --for is not given. */
export const DEFAULT_FAULT_DURATION: Record<'zone' | 'metrics-server' | 'capacity', string> = { zone: '30m', 'metrics-server': '5m', capacity: '30m' };

const MAX_FAULT_MS = 86_400_000;

function flagValue(words: readonly string[], flag: string): { value?: string; error?: Failure; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === `--${flag}`) {
      if (i + 1 >= words.length) return { error: { error: `error: flag needs an argument: --${flag}`, msg: msg('cmd.playground.flagNeedsArgument', { flag }) }, rest };
      value = words[++i];
    } else if (w.startsWith(`--${flag}=`)) value = w.slice(flag.length + 3);
    else rest.push(w);
  }
  return { value, rest };
}

function duration(text: string): { ms: number } | Failure {
  const d = parseGoDuration(text);
  // d.error is Go's own wording (time: invalid duration "x"), kept as Go prints it.
  if (!d.ok) return { error: `error: invalid argument "${text}" for "--for" flag: ${d.error}`, msg: msg('cmd.playground.invalidFor', { text, error: d.error }) };
  const ms = Math.round(d.seconds * 1000);
  if (ms <= 0) return { error: `error: --for must be a positive duration (got ${text})`, msg: msg('cmd.playground.forNotPositive', { text }) };
  if (ms > MAX_FAULT_MS) return { error: `error: --for is longer than a day (got ${text})`, msg: msg('cmd.playground.forTooLong', { text }) };
  return { ms };
}

/**
 * The playground's own failure-injection commands, in the form the UI's Faults menu records them:
 * make a node stop responding, lose an availability zone, take metrics-server down, run EC2 out of
 * an instance type, or send a spot interruption to a node by name. No real CLI does these (AWS FIS
 * experiments come closest; for instance IDs, `aws ec2 terminate-instances` and
 * `send-spot-instance-interruptions` exist). The load slider's `playground load …` is still carried
 * by share links as a structured command.
 */
export function parsePlayground(words: readonly string[]): ParseResult {
  const [verb, ...rest] = words;
  if (verb !== 'fault' && verb !== 'interrupt-spot') {
    if (verb === 'load') return fail('error: "playground load" is what the Load slider records; set load with the slider (it has no typed form yet)', msg('cmd.playground.load'));
    if (verb === undefined) return fail(USAGE, USAGE_MSG);
    return fail(`error: unknown playground command "${verb}"\n${USAGE}`, msg('cmd.playground.unknownCommand', { verb, usage: USAGE_MSG }));
  }
  const forFlag = flagValue(rest, 'for');
  if (forFlag.error) return fail(forFlag.error.error, forFlag.error.msg);
  const zoneFlag = flagValue(forFlag.rest, 'zone');
  if (zoneFlag.error) return fail(zoneFlag.error.error, zoneFlag.error.msg);
  const args = zoneFlag.rest;
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) {
    const flag = unknown.split('=')[0];
    return fail(`error: unknown flag: ${flag}\n${USAGE}`, msg('cmd.playground.unknownFlag', { flag, usage: USAGE_MSG }));
  }
  if (args.length !== 1 || args[0] === '') return fail(`error: playground ${verb} takes one target\n${USAGE}`, msg('cmd.playground.oneTarget', { verb, usage: USAGE_MSG }));
  const target = args[0];
  const slash = target.indexOf('/');
  const kind = slash < 0 ? target : target.slice(0, slash);
  const name = slash < 0 ? '' : target.slice(slash + 1);
  const isNode = kind === 'node' || kind === 'nodes' || kind === 'no' || slash < 0;
  if (verb === 'interrupt-spot' || (isNode && kind !== 'metrics-server')) {
    if (forFlag.value !== undefined || zoneFlag.value !== undefined) return fail(`error: playground ${verb} node/NAME takes no --for or --zone`, msg('cmd.playground.nodeNoFlags', { verb }));
    const node = isNode && slash >= 0 ? name : target;
    if (node === '') return fail(`error: playground ${verb} takes one node: playground ${verb} node/NAME`, msg('cmd.playground.oneNode', { verb }));
    return ok(verb === 'fault' ? { type: 'killNode', node } : { type: 'interruptSpot', node });
  }
  if (kind !== 'zone' && kind !== 'metrics-server' && kind !== 'capacity') {
    return fail(`error: playground fault: unknown target "${kind}"\n${USAGE}`, msg('cmd.playground.unknownTarget', { kind, usage: USAGE_MSG }));
  }
  const d = duration(forFlag.value ?? DEFAULT_FAULT_DURATION[kind]);
  if ('error' in d) return fail(d.error, d.msg);
  if (kind === 'metrics-server') {
    if (name !== '' || zoneFlag.value !== undefined) return fail('error: playground fault metrics-server takes only --for', msg('cmd.playground.metricsOnlyFor'));
    return ok({ type: 'metricsServerOutage', durationMs: d.ms });
  }
  if (name === '') {
    return kind === 'zone'
      ? fail('error: playground fault zone/NAME: the zone is missing', msg('cmd.playground.zoneMissing'))
      : fail('error: playground fault capacity/NAME: the instance type is missing', msg('cmd.playground.typeMissing'));
  }
  if (kind === 'zone') {
    if (zoneFlag.value !== undefined) return fail('error: playground fault zone/ZONE takes no --zone', msg('cmd.playground.zoneNoZone'));
    return ok({ type: 'zoneOutage', zone: name, durationMs: d.ms });
  }
  return ok({ type: 'capacityShortage', instanceType: name, ...(zoneFlag.value ? { zone: zoneFlag.value } : {}), durationMs: d.ms });
}
