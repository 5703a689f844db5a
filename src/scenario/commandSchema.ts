import { z } from 'zod';
import './zodConfig';
import type { Command } from '../sim/core/commands';
import { CAPACITY, INT32_MAX } from '../sim/core/limits';
import { suggestions } from './suggest';
import { CHECK_LINK, isCheckWhy, type CommandProblem } from './commandChecks';
import { msg, type Message } from '../sim/core/message';

/**
 * One zod schema per Command type: the door every command passes, whether it was typed in the
 * console (parseCommandLine), issued by a slider, or read back from a share link's `x=` part.
 * The rules are the console's: what the command line refuses can't arrive by link either.
 */

// Each check's message is a CheckWhy key (src/scenario/commandChecks.ts), worded there per reader.
const name = z.string().min(1, 'empty').max(253, 'tooLong253');
const namespace = z.string().max(63, 'tooLong63');
/** Kubernetes' replica counts are int32, and the playground simulates at most CAPACITY.pods pods. */
const replicaCount = z
  .number()
  .int('whole')
  .min(0, 'atLeast0')
  .max(CAPACITY.pods, 'tooManyPods');
const int32 = z.number().int('whole').min(-INT32_MAX - 1, 'int32').max(INT32_MAX, 'int32');
const millis = z.number().finite('finite').min(0, 'notNegative').max(86_400_000, 'longerThanDay');
const faultMillis = millis.min(1, 'positiveDuration');
const asgSize = z
  .number()
  .int('whole')
  .min(0, 'atLeast0')
  .max(CAPACITY.nodes, 'tooManyNodes');
const resourceChange = z.object({
  cpuMillis: z.number().finite('finite').min(0, 'notNegative').max(1e9, 'resourceRange').optional(),
  memoryMiB: z.number().finite('finite').min(0, 'notNegative').max(1e9, 'resourceRange').optional(),
});
const manifest = z.record(z.string(), z.unknown());
const instanceIds = z.array(z.string().max(64, 'notInstanceId')).min(1, 'noInstances').max(1000, 'tooManyInstances');

export const commandSchemas = {
  scale: z.object({ type: z.literal('scale'), kind: name, name, namespace, replicas: replicaCount }),
  apply: z.object({ type: z.literal('apply'), manifests: z.array(manifest).max(10_000, 'tooManyDocs') }),
  delete: z.object({ type: z.literal('delete'), kind: name, name, namespace }),
  cordon: z.object({ type: z.literal('cordon'), node: name }),
  uncordon: z.object({ type: z.literal('uncordon'), node: name }),
  drain: z.object({ type: z.literal('drain'), node: name, ignoreDaemonsets: z.boolean(), deleteEmptyDirData: z.boolean(), force: z.boolean() }),
  autoscale: z.object({
    type: z.literal('autoscale'),
    kind: name,
    name,
    namespace,
    cpuPercent: int32.min(0, 'atLeast0').optional(),
    cpuFlag: z.boolean().optional(),
    min: replicaCount.optional(),
    max: replicaCount.min(1, 'atLeast1'),
    hpaName: name.optional(),
  }),
  runLoadGenerator: z.object({ type: z.literal('runLoadGenerator'), podName: name, image: name, target: name, thinkTimeMs: millis }),
  setLoad: z.object({
    type: z.literal('setLoad'),
    target: name,
    rps: z.number().finite('finite').min(0, 'notNegative').max(1e7, 'tooManyRps').optional(),
    clients: z.number().int('whole').min(0, 'notNegative').max(100_000, 'tooManyClients').optional(),
    thinkTimeMs: millis.optional(),
  }),
  updateAsg: z.object({ type: z.literal('updateAsg'), name, minSize: asgSize.optional(), maxSize: asgSize.optional(), desiredCapacity: asgSize.optional() }),
  setHpaBounds: z.object({
    type: z.literal('setHpaBounds'),
    name,
    namespace,
    min: replicaCount.optional(),
    max: replicaCount.min(1, 'atLeast1').optional(),
    // The console refuses a utilization target below 1% (kubectl patch; averageUtilization > 0 in the API).
    targetCpu: int32.min(1, 'above0').optional(),
  }),
  interruptSpot: z.object({ type: z.literal('interruptSpot'), node: name }),
  killNode: z.object({ type: z.literal('killNode'), node: name }),
  view: z.object({ type: z.literal('view'), line: z.string().max(100_000, 'tooLongLine'), args: z.array(z.string()).max(1000, 'tooManyWords') }),
  setResources: z.object({ type: z.literal('setResources'), kind: name, name, namespace, container: name, requests: resourceChange, limits: resourceChange }),
  rolloutRestart: z.object({ type: z.literal('rolloutRestart'), kind: name, name, namespace }),
  terminateInstances: z.object({ type: z.literal('terminateInstances'), instanceIds }),
  sendSpotInterruption: z.object({ type: z.literal('sendSpotInterruption'), instanceIds }),
  zoneOutage: z.object({ type: z.literal('zoneOutage'), zone: name, durationMs: faultMillis }),
  metricsServerOutage: z.object({ type: z.literal('metricsServerOutage'), durationMs: faultMillis }),
  capacityShortage: z.object({ type: z.literal('capacityShortage'), instanceType: name, zone: name.optional(), durationMs: faultMillis }),
} satisfies { [K in Command['type']]: z.ZodType };

/**
 * A refusal: `error` in the link's words (names the Command's JSON fields), what the CLI prints;
 * `msg`, the same sentence for the page in the reader's language (commandLink.*, ui.json: the
 * English file renders it byte for byte as `error`); `problem`, when a field is at fault, for the
 * console to word.
 */
export type CommandCheck = { ok: true; command: Command } | { ok: false; error: string; msg: Message; problem?: CommandProblem };

/** The numbers in CHECK_LINK's sentences, as parameters of their Messages. */
const LINK_PARAMS: Partial<Record<CommandProblem['why'], Record<string, string>>> = {
  tooManyPods: { max: CAPACITY.pods.toLocaleString('en-US') },
  tooManyNodes: { max: CAPACITY.nodes.toLocaleString('en-US') },
};

/** A value as the link's error shows it, in English and as a Message (lists and maps are words to translate). */
function describe(v: unknown): { text: string; msg: Message } {
  const verbatim = (text: string) => ({ text, msg: msg('commandLink.value.verbatim', { text }) });
  if (v === null) return verbatim('null');
  if (Array.isArray(v)) return { text: 'a list', msg: msg('commandLink.value.list') };
  if (typeof v === 'string') return verbatim(`"${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`);
  if (typeof v === 'object') return { text: 'a map', msg: msg('commandLink.value.map') };
  return verbatim(typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v);
}

/**
 * A value that claims to be a Command → the command (the value itself, unchanged), or an error
 * naming the command type and the field: `setHpaBounds: targetCpu: must be greater than 0 (got 0)`.
 */
export function validateCommand(value: unknown): CommandCheck {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = describe(value);
    return { ok: false, error: `command: must be a map with a "type" (got ${got.text})`, msg: msg('commandLink.notMap', { got: got.msg }) };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') {
    const got = describe(type);
    return { ok: false, error: `command: type: must be one of the command types (got ${got.text})`, msg: msg('commandLink.typeNotString', { got: got.msg }) };
  }
  if (!Object.hasOwn(commandSchemas, type)) {
    const shown = type.slice(0, 40);
    const [near] = suggestions(shown, Object.keys(commandSchemas));
    return near === undefined
      ? { ok: false, error: `command "${shown}": type: unknown command type`, msg: msg('commandLink.unknownType', { type: shown }) }
      : { ok: false, error: `command "${shown}": type: unknown command type (did you mean "${near}"?)`, msg: msg('commandLink.unknownTypeNear', { type: shown, near }) };
  }
const schema = commandSchemas[type as Command['type']];
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, command: value as Command };
  const issue = r.error.issues[0];
  const path = issue.path.map(String).join('.') || 'type';
  let got: unknown = value;
  for (const p of issue.path) got = got === null || typeof got !== 'object' ? undefined : (got as Record<PropertyKey, unknown>)[p];
  const given = got === undefined ? undefined : describe(got);
  const shown = given === undefined ? { text: 'missing', msg: msg('commandLink.missing') } : { text: `got ${given.text}`, msg: msg('commandLink.got', { value: given.msg }) };
  const why: CommandProblem['why'] = issue.code === 'invalid_type' ? 'type' : isCheckWhy(issue.message) ? issue.message : 'other';
  const message = issue.code === 'invalid_type' ? `must be ${issue.expected}` : why === 'type' || why === 'other' ? issue.message : CHECK_LINK[why];
  // zod's expected type is a JSON type name and stays as written; zod's own text (why = other) is quoted.
  const whyMsg = issue.code === 'invalid_type' ? msg('commandLink.why.type', { expected: issue.expected }) : why === 'type' || why === 'other' ? msg('commandLink.why.other', { detail: issue.message }) : msg(`commandLink.why.${why}`, LINK_PARAMS[why]);
  const detail = issue.code === 'invalid_type' ? issue.expected : why === 'other' ? issue.message : undefined;
  return {
    ok: false,
    error: `command "${type}": ${path}: ${message} (${shown.text})`,
    msg: msg('commandLink.field', { type, path, why: whyMsg, shown: shown.msg }),
    problem: { type, path: issue.path, got, why, detail },
  };
}
