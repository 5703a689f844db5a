/**
 * keda-operator's log lines as KEDA 2.18.0 prints them with its chart's and config/manager's flags
 * (--zap-log-level=info --zap-encoder=console --zap-time-encoding=rfc3339). cmd/operator/main.go
 * builds the logger with controller-runtime v0.21.0's zap.New(UseFlagOptions): production options
 * with the console encoder, whose encoder config is zap.NewDevelopmentEncoderConfig
 * (pkg/log/zap/zap.go newConsoleEncoder), no caller, and a stacktrace from ERROR up (addDefaults:
 * the chart's stackTracesEnabled only adds --zap-stacktrace-level=error, which is already the
 * default). So a line is
 *
 *   time TAB LEVEL TAB [logger TAB] message TAB {fields}   and, for ERROR, NEWLINE stacktrace
 *
 * The world stores everything after the level (logSources.ts adds time and level). Fields keep
 * the WithValues order, then the call's own, then zapr's "error" last; a key may repeat.
 */
import { deterministicUuid } from '../../core/deterministicId';
import type { World } from '../../core/types';
import { log } from '../../core/world';
import { KEDA_OPERATOR } from './state';
import type { ScaledObject } from './types';

/** The release these lines are read from (the import fixture's ghcr.io/kedacore/keda:2.18.0). */
export const KEDA_VERSION = '2.18.0';

/** klog.KRef as zapr writes it: reflected through encoding/json, so without zap's spaces. */
export interface ObjectRef {
  name: string;
  namespace: string;
}

export type FieldValue = string | number | ObjectRef;
export type Field = readonly [key: string, value: FieldValue];

/** One Go stack frame as zap's stacktrace prints it: function, then TAB file:line. */
export type Frame = readonly [fn: string, file: string, line: number];

export interface KedaLogLine {
  level: 'INFO' | 'ERROR';
  /** logf.Log.WithName(…); "" for the reconciler's logger, which controller-runtime leaves unnamed. */
  logger: string;
  message: string;
  fields: readonly Field[];
  /** logr's Error(err, …): zapr appends it as "error" after every other field. */
  error?: string;
  stack?: readonly Frame[];
}

/**
 * zap's JSON string escaping (json_encoder.go safeAddString): only \ and " and bytes below 0x20,
 * the latter as \n, \r, \t or \u00XX; nothing else (JSON.stringify would write \b and \f).
 */
function zapString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += `\\u00${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function fieldValue(v: FieldValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return zapString(v);
  return JSON.stringify({ name: v.name, namespace: v.namespace });
}

/** The console encoder writes fields as a spaced JSON object: {"k": v, "k2": v2}. */
export function zapFields(fields: readonly Field[]): string {
  return `{${fields.map(([k, v]) => `${zapString(k)}: ${fieldValue(v)}`).join(', ')}}`;
}

/** zap's stacktrace, minus the final runtime.goexit frame (stacktrace.go FormatStack). */
export function goStack(frames: readonly Frame[]): string {
  return frames.map(([fn, file, line]) => `${fn}\n\t/workspace/${file}:${line}`).join('\n');
}

/** What the world stores: the line after its time and level, with any stacktrace below it. */
export function renderKedaLine(line: KedaLogLine): string {
  const fields = line.error === undefined ? line.fields : [...line.fields, ['error', line.error] as const];
  const head = `${line.logger ? `${line.logger}\t` : ''}${line.message}${fields.length ? `\t${zapFields(fields)}` : ''}`;
  return line.stack ? `${head}\n${goStack(line.stack)}` : head;
}

export function kedaLog(world: World, lines: readonly KedaLogLine[]): void {
  for (const l of lines) log(world, KEDA_OPERATOR, renderKedaLine(l), l.level);
}

export const soNamespace = (so: ScaledObject): string => so.metadata.namespace ?? 'default';

/**
 * One run of the ScaledObject reconciler. controller-runtime's builder gives its logger
 * "controller", "controllerGroup", "controllerKind", the object as {"ScaledObject": KRef}, then
 * "namespace" and "name" (builder/controller.go:434-452), and reconcileHandler adds a fresh
 * "reconcileID" (internal/controller/controller.go:331-333).
 */
export interface Reconcile {
  name: string;
  namespace: string;
  reconcileID: string;
}

/**
 * uuid.NewUUID() is random upstream; here it is hashed from the object, the instant and `key`,
 * which tells apart reconciles of one object in one instant (the create and the requeue its own
 * HPA causes, backoff retries inside a second).
 */
export function reconcileOf(so: ScaledObject, timeMs: number, key: string): Reconcile {
  const namespace = soNamespace(so);
  const name = so.metadata.name;
  return { name, namespace, reconcileID: deterministicUuid(`keda/scaledobject/${namespace}/${name}/${timeMs}/${key}`) };
}

export function reconcileFields(r: Reconcile): Field[] {
  return [
    ['controller', 'scaledobject'],
    ['controllerGroup', 'keda.sh'],
    ['controllerKind', 'ScaledObject'],
    ['ScaledObject', { name: r.name, namespace: r.namespace }],
    ['namespace', r.namespace],
    ['name', r.name],
    ['reconcileID', r.reconcileID],
  ];
}

/** scale_scaledobjects.go:38-40, the scale executor's WithValues (note the mixed case). */
export function executorFields(so: ScaledObject): Field[] {
  return [
    ['scaledobject.Name', so.metadata.name],
    ['scaledObject.Namespace', soNamespace(so)],
    ['scaleTarget.Name', so.spec.scaleTargetRef.name],
  ];
}

/** The WithValues of the scale resolver (scale_resolvers.go:681-682) and handler: namespace first. */
export function handlerFields(so: ScaledObject): Field[] {
  return [
    ['scaledObject.Namespace', soNamespace(so)],
    ['scaledObject.Name', so.metadata.name],
  ];
}

/** GroupVersionKindResource.GVKString (gvkr_types.go:47): "apps/v1.Deployment". */
export function targetGvk(so: ScaledObject): string {
  const ref = so.spec.scaleTargetRef;
  const apiVersion = ref.apiVersion ?? 'apps/v1';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return `${group}/${version}.${ref.kind ?? 'Deployment'}`;
}
