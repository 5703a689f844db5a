import { formatMessage, msg, type Message } from '../sim/core/message';
import { CAPACITY, INT32_MAX } from '../sim/core/limits';

/**
 * Why commandSchema refuses a command field, in the playground's own words. Each schema check
 * names one of these keys as its zod message; validateCommand turns it into
 *  - a share link's error (`command "scale": replicas: … (got 999999)`, the `link` text below,
 *    which names the Command's JSON fields as the link carries them), and
 *  - a console error in the reader's language (`commandCheck.*`, console.json), naming the flag
 *    as it was typed: `--replicas=999999 is more than the playground simulates (at most 150,000 pods)`.
 * `CHECK_EN` is the English file's text, what the CLI and logs print (commandChecks.test.ts checks
 * that they are equal).
 */
export const CHECK_LINK = {
  empty: 'must not be empty',
  tooLong253: 'is longer than 253 characters',
  tooLong63: 'is longer than 63 characters',
  tooLongLine: 'is longer than 100,000 characters',
  tooManyWords: 'holds more than 1,000 words',
  whole: 'must be a whole number',
  atLeast0: 'must be greater than or equal to 0',
  atLeast1: 'must be at least 1',
  above0: 'must be greater than 0',
  tooManyPods: `is more than the playground simulates (${CAPACITY.pods.toLocaleString('en-US')} pods)`,
  tooManyNodes: `is more than the playground simulates (${CAPACITY.nodes.toLocaleString('en-US')} nodes)`,
  int32: 'value out of range',
  resourceRange: 'value out of range',
  finite: 'must be a finite number',
  notNegative: 'must not be negative',
  longerThanDay: 'is longer than a day',
  positiveDuration: 'must be a positive duration',
  notInstanceId: 'is not an instance ID',
  noInstances: 'must list at least one instance',
  tooManyInstances: 'lists more than 1,000 instances',
  tooManyDocs: 'holds more than 10,000 documents',
  tooManyRps: 'is more than 10,000,000 requests per second',
  tooManyClients: 'is more than 100,000 clients',
} as const;

export type CheckWhy = keyof typeof CHECK_LINK;

export const isCheckWhy = (s: string): s is CheckWhy => Object.hasOwn(CHECK_LINK, s);

/** English twins of console.json's commandCheck.* (the file is the source the UI reads). */
export const CHECK_EN: Record<CheckWhy | 'type' | 'other' | 'replicasInt32', string> = {
  empty: '{{setting}} must not be empty',
  tooLong253: '{{setting}} is longer than 253 characters',
  tooLong63: '{{setting}} is longer than 63 characters',
  tooLongLine: '{{setting}} is longer than 100,000 characters',
  tooManyWords: '{{setting}} holds more than 1,000 words',
  whole: '{{setting}} must be a whole number',
  atLeast0: '{{setting}} must be greater than or equal to 0',
  atLeast1: '{{setting}} must be at least 1',
  above0: '{{setting}} must be greater than 0',
  tooManyPods: '{{setting}} is more than the playground simulates (at most {{max}} pods)',
  tooManyNodes: '{{setting}} is more than the playground simulates (at most {{max}} nodes)',
  int32: '{{setting}} is out of range: it is an int32 (from {{min}} to {{max}})',
  resourceRange: '{{setting}} is more than the playground accepts for a container (at most {{max}})',
  finite: '{{setting}} must be a finite number',
  notNegative: '{{setting}} must not be negative',
  longerThanDay: '{{setting}} is longer than a day',
  positiveDuration: '{{setting}} must be a positive duration',
  notInstanceId: '{{setting}} is not an instance ID (at most 64 characters)',
  noInstances: '{{setting}} must list at least one instance',
  tooManyInstances: '{{setting}} lists more than 1,000 instances',
  tooManyDocs: '{{setting}} holds more than 10,000 documents',
  tooManyRps: '{{setting}} is more than 10,000,000 requests per second',
  tooManyClients: '{{setting}} is more than 100,000 clients',
  type: '{{setting}} must be of type {{expected}}',
  other: '{{setting}} is not valid here (the validator says: "{{detail}}")',
  replicasInt32: '{{setting}} is out of range: spec.replicas is an int32 (at most {{max}})',
};

/**
 * How a person wrote each field: the console's flag, or the manifest field a patch sets. A field
 * missing here is shown by its path in the Command.
 */
const FIELD_AS_TYPED: Partial<Record<string, Record<string, string>>> = {
  scale: { replicas: '--replicas', namespace: '--namespace' },
  autoscale: { min: '--min', max: '--max', cpuPercent: '--cpu-percent', hpaName: '--name', namespace: '--namespace' },
  updateAsg: { name: '--auto-scaling-group-name', minSize: '--min-size', maxSize: '--max-size', desiredCapacity: '--desired-capacity' },
  setHpaBounds: { min: 'spec.minReplicas', max: 'spec.maxReplicas', targetCpu: 'averageUtilization', namespace: '--namespace' },
  setResources: { 'requests.cpuMillis': '--requests=cpu', 'requests.memoryMiB': '--requests=memory', 'limits.cpuMillis': '--limits=cpu', 'limits.memoryMiB': '--limits=memory' },
  terminateInstances: { instanceIds: '--instance-ids' },
  sendSpotInterruption: { instanceIds: '--instance-ids' },
  zoneOutage: { durationMs: '--for' },
  metricsServerOutage: { durationMs: '--for' },
  capacityShortage: { durationMs: '--for', zone: '--zone' },
  apply: { manifests: '-f' },
};

/** Units the console's quantities were typed in, for showing the value back the same way. */
const UNIT: Record<string, string> = { cpuMillis: 'm', memoryMiB: 'Mi', durationMs: 'ms', thinkTimeMs: 'ms' };

function shownValue(v: unknown, last: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return `${v}${UNIT[last] ?? ''}`;
  if (typeof v === 'string') return v.length > 30 ? `${v.slice(0, 30)}…` : v;
  if (Array.isArray(v)) return v.length > 3 ? `${v.slice(0, 3).join(',')},…` : v.join(',');
  return typeof v === 'boolean' ? String(v) : undefined;
}

/** What validateCommand found, for the console to word: the field, its value, why. */
export interface CommandProblem {
  type: string;
  path: PropertyKey[];
  got: unknown;
  why: CheckWhy | 'type' | 'other';
  /** zod's expected type (why = type) or its own text (why = other). */
  detail?: string;
}

const RANGE_PARAMS: Partial<Record<CommandProblem['why'], Record<string, string>>> = {
  tooManyPods: { max: CAPACITY.pods.toLocaleString('en-US') },
  tooManyNodes: { max: CAPACITY.nodes.toLocaleString('en-US') },
  int32: { min: String(-INT32_MAX - 1), max: String(INT32_MAX) },
};

/** The field as typed and its value: `--replicas=999999`, `--requests=cpu=99999999000m`. */
export function settingOf(p: Pick<CommandProblem, 'type' | 'path' | 'got'>): string {
  const path = p.path.map(String).join('.') || 'type';
  const field = FIELD_AS_TYPED[p.type]?.[path] ?? path;
  const value = shownValue(p.got, String(p.path[p.path.length - 1] ?? ''));
  return value === undefined ? field : `${field}=${value}`;
}

/** The console's Message for a refused command (without the leading "error: "). */
export function commandProblemMessage(p: CommandProblem): Message {
  const params: Record<string, string> = { setting: settingOf(p), ...RANGE_PARAMS[p.why] };
  // The schema's bound on a container's resources is 1e9 in the unit the console parsed into (m or Mi).
  if (p.why === 'resourceRange') params.max = `1000000000${UNIT[String(p.path[p.path.length - 1])] ?? ''}`;
  if (p.detail !== undefined) params[p.why === 'type' ? 'expected' : 'detail'] = p.detail;
  return msg(`commandCheck.${p.why}`, params);
}

/** The English text of a commandCheck.* Message, as the CLI and logs print it. */
export function commandCheckEnglish(m: Message): string {
  return formatMessage(m, (key) => (key.startsWith('commandCheck.') ? CHECK_EN[key.slice('commandCheck.'.length) as keyof typeof CHECK_EN] : undefined));
}
