import type { ControllerLog, KubeEvent } from '../../sim/core/types';

function age(nowS: number, t: number): string {
  const s = Math.max(0, Math.round(nowS - t));
  if (s < 120) return `${s}s`;
  if (s < 3600 * 2) return `${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`;
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}

export interface EventRow {
  lastSeen: string;
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
}

/** `kubectl get events` rows, newest last as kubectl sorts them, filtered by a substring. */
export function eventRows(events: readonly KubeEvent[], nowS: number, filter: string, limit = 300): EventRow[] {
  const f = filter.trim().toLowerCase();
  const out: EventRow[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i];
    const object = `${e.kind.toLowerCase()}/${e.name}`;
    if (f && !`${e.type} ${e.reason} ${object} ${e.message}`.toLowerCase().includes(f)) continue;
    out.push({ lastSeen: age(nowS, e.t), type: e.type, reason: e.reason, object, message: e.message, count: e.count });
  }
  return out.reverse();
}

/**
 * klog-like line: level letter, wall-clock-ish sim time, controller prefix, message. Only the
 * message's first line: the rest is a Go stacktrace (keda-operator's ERRORs), which `kubectl logs` shows.
 */
export function logLine(l: ControllerLog): string {
  const s = Math.max(0, Math.floor(l.t));
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  const end = l.message.indexOf('\n');
  return `${l.level[0]} ${hh}:${mm}:${ss} [${l.controller}] ${end < 0 ? l.message : l.message.slice(0, end)}`;
}

export function logLines(logs: readonly ControllerLog[], filter: string, limit = 400): string[] {
  const f = filter.trim().toLowerCase();
  const out: string[] = [];
  for (let i = logs.length - 1; i >= 0 && out.length < limit; i--) {
    const line = logLine(logs[i]);
    if (!f || line.toLowerCase().includes(f)) out.push(line);
  }
  return out.reverse();
}

