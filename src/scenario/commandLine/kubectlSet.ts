import type { Command, ResourceChange } from '../../sim/core/commands';
import { cpuToMillis, memoryToMiB } from '../../sim/core/quantity';
import { flagBool, flagValue, type FlagSpec, type ParsedFlags } from './flags';
import { resourceRefs } from './resources';
import { msg, type Message } from '../../sim/core/message';
import { fail, ok, type ParseResult } from './types';

export const SET_FLAGS: FlagSpec[] = [
  { name: 'containers', short: 'c', kind: 'string' },
  { name: 'requests', kind: 'string' },
  { name: 'limits', kind: 'string' },
  { name: 'all', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'local', kind: 'bool' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'filename', short: 'f', kind: 'string', repeatable: true },
  { name: 'record', kind: 'bool' },
  { name: 'field-manager', kind: 'string' },
];

const SET_SUBCOMMANDS = ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'];
const QUANTITY_ERROR = "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

type Parsed = { ok: true; change: ResourceChange } | { ok: false; error: string; msg?: Message };

/** "cpu=200m,memory=256Mi" → millicores and MiB, with kubectl's errors for a bad pair or quantity. */
export function parseResourceList(text: string | undefined): Parsed {
  const change: ResourceChange = {};
  if (text === undefined || text === '') return { ok: true, change };
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return { ok: false, error: `error: Invalid argument syntax ${pair}, expected <resource>=<value>` };
    const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
    if (name !== 'cpu' && name !== 'memory') return { ok: false, error: `error: the playground's set resources changes cpu and memory only (got ${name})`, msg: msg('cmd.set.resourceName', { name }) };
    let amount: number;
    try {
      amount = name === 'cpu' ? cpuToMillis(value) : memoryToMiB(value);
    } catch {
      return { ok: false, error: QUANTITY_ERROR };
    }
    if (amount < 0) return { ok: false, error: `error: ${name} must be a non-negative quantity (got ${value})` };
    if (name === 'cpu') change.cpuMillis = amount;
    else change.memoryMiB = amount;
  }
  return { ok: true, change };
}

/** `kubectl set resources deployment NAME [-c=CONTAINER] --requests=cpu=200m,memory=256Mi --limits=cpu=500m`. */
export function parseSet(flags: ParsedFlags, namespace: string): ParseResult {
  const [sub, ...rest] = flags.args;
  if (sub === undefined) return fail('error: kubectl set needs a subcommand; the playground simulates "kubectl set resources"', msg('cmd.set.needsSub'));
  if (sub !== 'resources') {
    if (SET_SUBCOMMANDS.includes(sub)) return fail(`error: "kubectl set ${sub}" is not simulated in the playground; "kubectl set resources" is`, msg('cmd.set.notSimulated', { sub }));
    return fail(`error: unknown command "${sub}" for "kubectl set"`);
  }
  if (flagBool(flags, 'all') && flagValue(flags, 'selector') !== undefined) return fail('error: cannot set --all and --selector at the same time');
  const requestsText = flagValue(flags, 'requests');
  const limitsText = flagValue(flags, 'limits');
  if (!requestsText && !limitsText) return fail('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
  const requests = parseResourceList(requestsText);
  if (!requests.ok) return fail(requests.error, requests.msg);
  const limits = parseResourceList(limitsText);
  if (!limits.ok) return fail(limits.error, limits.msg);
  if (flagBool(flags, 'all') || flagValue(flags, 'selector') !== undefined || (flags.values.get('filename') ?? []).length > 0) {
    return fail('error: the playground sets resources on named Deployments only: kubectl set resources deployment NAME …', msg('cmd.set.namedOnly'));
  }
  const refs = resourceRefs(rest);
  if (!refs.ok) return fail(refs.error);
  const container = flagValue(flags, 'containers') ?? '*';
  return ok(
    ...refs.refs.map((r): Command => ({ type: 'setResources', kind: r.type, name: r.name, namespace, container, requests: requests.change, limits: limits.change })),
  );
}
