import { parse as parseYaml } from 'yaml';
import type { Command } from '../../sim/core/commands';
import { flagValue, type FlagSpec, type ParsedFlags } from './flags';
import { resourceRefs } from './resources';
import { checkYamlLimits } from '../yamlLimits';
import { msg, type Message } from '../../sim/core/message';
import { fail, ok, type ParseResult } from './types';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'patch-file', kind: 'string' },
  { name: 'local', kind: 'bool' },
  { name: 'dry-run', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'subresource', kind: 'string' },
  { name: 'field-manager', kind: 'string' },
  { name: 'record', kind: 'bool' },
  { name: 'filename', short: 'f', kind: 'string', repeatable: true },
];

const HPA_NAMES = new Set(['hpa', 'horizontalpodautoscaler', 'horizontalpodautoscalers']);
// i18n-exempt: English part of the cmd.patch.only Message's twin (notSimulated passes both)
const SIMULATED = "the playground's kubectl patch changes a HorizontalPodAutoscaler's spec.minReplicas, spec.maxReplicas and CPU averageUtilization target";

/** The playground's refusal of a patch it does not simulate: English text and Message (cmd.patch.only + why). */
function notSimulated(detail: string, why: Message): { ok: false; error: string; msg: Message } {
  return { ok: false, error: `error: ${SIMULATED}; ${detail}`, msg: msg('cmd.patch.only', { detail: why }) };
}

/** What a patch asks of an HPA: the fields setHpaBounds carries. */
interface HpaChange {
  min?: number;
  max?: number;
  targetCpu?: number;
}

type Change = { ok: true; change: HpaChange } | { ok: false; error: string; msg?: Message };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function replicas(value: unknown, field: string): number | string {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return `Error from server (BadRequest): json: cannot unmarshal ${typeof value === 'number' ? 'number' : typeof value} into Go struct field HorizontalPodAutoscalerSpec.spec.${field} of type int32`;
  }
  return value;
}

/** A `metrics` list that sets the CPU utilization target: exactly one Resource cpu Utilization entry. */
function cpuTarget(metrics: unknown): number | Change {
  const only = Array.isArray(metrics) && metrics.length === 1 ? (metrics[0] as unknown) : undefined;
  const resource = isObject(only) && only.type === 'Resource' && isObject(only.resource) ? only.resource : undefined;
  const target = resource && resource.name === 'cpu' && isObject(resource.target) ? resource.target : undefined;
  const value = target && target.type === 'Utilization' ? target.averageUtilization : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return notSimulated('spec.metrics must be one Resource cpu metric with a Utilization target', msg('cmd.patch.metrics'));
  return value;
}

/** A strategic or merge patch: {"spec": {"minReplicas", "maxReplicas", "metrics"}}. */
function fromMergePatch(body: unknown): Change {
  if (!isObject(body) || !isObject(body.spec) || Object.keys(body).some((k) => k !== 'spec')) return notSimulated('the patch must be {"spec": {…}}', msg('cmd.patch.shape'));
  const change: HpaChange = {};
  for (const [key, value] of Object.entries(body.spec)) {
    const r =
      key === 'minReplicas' || key === 'maxReplicas'
        ? replicas(value, key)
        : key === 'metrics'
          ? cpuTarget(value)
          : notSimulated(`spec.${key} cannot be patched here (apply the edited manifest instead)`, msg('cmd.patch.field', { key }));
    if (typeof r === 'string') return { ok: false, error: r };
    if (typeof r !== 'number') return r;
    if (key === 'minReplicas') change.min = r;
    else if (key === 'maxReplicas') change.max = r;
    else change.targetCpu = r;
  }
  return { ok: true, change };
}

const CPU_TARGET_PATH = /^\/spec\/metrics\/0\/resource\/target\/averageUtilization$/;

/** A JSON patch (RFC 6902) of replace/add operations on the same three fields. */
function fromJsonPatch(body: unknown): Change {
  if (!Array.isArray(body)) return { ok: false, error: 'error: unable to parse the json patch: it must be a list of operations' };
  const change: HpaChange = {};
  for (const op of body as unknown[]) {
    if (!isObject(op) || (op.op !== 'replace' && op.op !== 'add') || typeof op.path !== 'string') {
      return notSimulated('only "replace" and "add" operations are simulated', msg('cmd.patch.ops'));
    }
    if (op.path === '/spec/minReplicas' || op.path === '/spec/maxReplicas') {
      const field = op.path.slice(6);
      const r = replicas(op.value, field);
      if (typeof r === 'string') return { ok: false, error: r };
      if (field === 'minReplicas') change.min = r;
      else change.max = r;
    } else if (CPU_TARGET_PATH.test(op.path)) {
      if (typeof op.value !== 'number' || !Number.isInteger(op.value)) return { ok: false, error: `error: averageUtilization must be an integer` };
      change.targetCpu = op.value;
    } else {
      return notSimulated(`the path ${op.path} cannot be patched here`, msg('cmd.patch.path', { path: op.path }));
    }
  }
  return { ok: true, change };
}

/** `kubectl patch hpa NAME -p '{"spec":{"minReplicas":2,"maxReplicas":8}}' [--type=merge|strategic|json]` → setHpaBounds. */
export function parsePatch(flags: ParsedFlags, namespace: string): ParseResult {
  const patch = flagValue(flags, 'patch');
  if (patch !== undefined && flagValue(flags, 'patch-file') !== undefined) return fail('error: cannot specify --patch and --patch-file together');
  const file = flagValue(flags, 'patch-file');
  if (file !== undefined) return fail(`error: open ${file}: no such file or directory (the playground has no files; give the patch inline with -p)`, msg('cmd.patch.noFiles', { file }));
  if (patch === undefined || patch === '') return fail('error: must specify --patch or --patch-file containing the contents of the patch');
  const type = (flagValue(flags, 'type') ?? 'strategic').toLowerCase();
  if (!['strategic', 'merge', 'json'].includes(type)) return fail(`error: --type must be one of [json merge strategic], not "${type}"`);
  const refs = resourceRefs(flags.args);
  if (!refs.ok) return fail(refs.error);
  const nonHpa = refs.refs.find((r) => !HPA_NAMES.has(r.type));
  if (nonHpa) {
    const no = notSimulated(`patching ${nonHpa.type} is not simulated (use kubectl scale, kubectl set resources, or apply the edited manifest)`, msg('cmd.patch.kind', { type: nonHpa.type }));
    return fail(no.error, no.msg);
  }
  let body: unknown;
  const limit = checkYamlLimits(patch);
  if (limit) return fail(`error: unable to parse "${patch.slice(0, 40)}…": column ${limit.position.col}: ${limit.message}`);
  try {
    body = parseYaml(patch);
  } catch (err) {
    return fail(`error: unable to parse "${patch}": yaml: ${(err as Error).message.split('\n')[0]}`);
  }
  const change = type === 'json' ? fromJsonPatch(body) : fromMergePatch(body);
  if (!change.ok) return fail(change.error, change.msg);
  return ok(
    ...refs.refs.map((r): Command => {
      // Key order matches the UI's slider commands, so a share link can carry either as this text.
      const cmd: Extract<Command, { type: 'setHpaBounds' }> = { type: 'setHpaBounds', name: r.name, namespace };
      if (change.change.min !== undefined) cmd.min = change.change.min;
      if (change.change.max !== undefined) cmd.max = change.change.max;
      if (change.change.targetCpu !== undefined) cmd.targetCpu = change.change.targetCpu;
      return cmd;
    }),
  );
}
