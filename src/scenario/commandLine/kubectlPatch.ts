import { parse as parseYaml } from 'yaml';
import type { Command } from '../../sim/core/commands';
import { flagValue, type FlagSpec, type ParsedFlags } from './flags';
import { resourceRefs } from './resources';
import { checkYamlLimits } from '../yamlLimits';
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
const SIMULATED = "the playground's kubectl patch changes a HorizontalPodAutoscaler's spec.minReplicas, spec.maxReplicas and CPU averageUtilization target";

/** What a patch asks of an HPA: the fields setHpaBounds carries. */
interface HpaChange {
  min?: number;
  max?: number;
  targetCpu?: number;
}

type Change = { ok: true; change: HpaChange } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function replicas(value: unknown, field: string): number | string {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return `Error from server (BadRequest): json: cannot unmarshal ${typeof value === 'number' ? 'number' : typeof value} into Go struct field HorizontalPodAutoscalerSpec.spec.${field} of type int32`;
  }
  return value;
}

/** A `metrics` list that sets the CPU utilization target: exactly one Resource cpu Utilization entry. */
function cpuTarget(metrics: unknown): number | string {
  const only = Array.isArray(metrics) && metrics.length === 1 ? (metrics[0] as unknown) : undefined;
  const resource = isObject(only) && only.type === 'Resource' && isObject(only.resource) ? only.resource : undefined;
  const target = resource && resource.name === 'cpu' && isObject(resource.target) ? resource.target : undefined;
  const value = target && target.type === 'Utilization' ? target.averageUtilization : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) return `error: ${SIMULATED}; spec.metrics must be one Resource cpu metric with a Utilization target`;
  return value;
}

/** A strategic or merge patch: {"spec": {"minReplicas", "maxReplicas", "metrics"}}. */
function fromMergePatch(body: unknown): Change {
  if (!isObject(body) || !isObject(body.spec) || Object.keys(body).some((k) => k !== 'spec')) return { ok: false, error: `error: ${SIMULATED}; the patch must be {"spec": {…}}` };
  const change: HpaChange = {};
  for (const [key, value] of Object.entries(body.spec)) {
    const r = key === 'minReplicas' || key === 'maxReplicas' ? replicas(value, key) : key === 'metrics' ? cpuTarget(value) : `error: ${SIMULATED}; spec.${key} cannot be patched here (apply the edited manifest instead)`;
    if (typeof r === 'string') return { ok: false, error: r };
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
      return { ok: false, error: `error: ${SIMULATED}; only "replace" and "add" operations are simulated` };
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
      return { ok: false, error: `error: ${SIMULATED}; the path ${op.path} cannot be patched here` };
    }
  }
  return { ok: true, change };
}

/** `kubectl patch hpa NAME -p '{"spec":{"minReplicas":2,"maxReplicas":8}}' [--type=merge|strategic|json]` → setHpaBounds. */
export function parsePatch(flags: ParsedFlags, namespace: string): ParseResult {
  const patch = flagValue(flags, 'patch');
  if (patch !== undefined && flagValue(flags, 'patch-file') !== undefined) return fail('error: cannot specify --patch and --patch-file together');
  if (flagValue(flags, 'patch-file') !== undefined) return fail(`error: open ${flagValue(flags, 'patch-file')}: no such file or directory (the playground has no files; give the patch inline with -p)`);
  if (patch === undefined || patch === '') return fail('error: must specify --patch or --patch-file containing the contents of the patch');
  const type = (flagValue(flags, 'type') ?? 'strategic').toLowerCase();
  if (!['strategic', 'merge', 'json'].includes(type)) return fail(`error: --type must be one of [json merge strategic], not "${type}"`);
  const refs = resourceRefs(flags.args);
  if (!refs.ok) return fail(refs.error);
  const nonHpa = refs.refs.find((r) => !HPA_NAMES.has(r.type));
  if (nonHpa) return fail(`error: ${SIMULATED}; patching ${nonHpa.type} is not simulated (use kubectl scale, kubectl set resources, or apply the edited manifest)`);
  let body: unknown;
  const limit = checkYamlLimits(patch);
  if (limit) return fail(`error: unable to parse "${patch.slice(0, 40)}…": column ${limit.position.col}: ${limit.message}`);
  try {
    body = parseYaml(patch);
  } catch (err) {
    return fail(`error: unable to parse "${patch}": yaml: ${(err as Error).message.split('\n')[0]}`);
  }
  const change = type === 'json' ? fromJsonPatch(body) : fromMergePatch(body);
  if (!change.ok) return fail(change.error);
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
