import type { World } from '../core/types';
import { krrRows, krrSimpleView } from '../autoscalers/vpa';
import { KRR_SIMPLE_DEFAULTS, formatKrrTable, type KrrSettings } from '../autoscalers/vpa/krr';
import { argBool, argValue, argValues, type ViewArgs } from './viewArgs';
import type { CommandResult } from '../core/commands';
import { msg } from '../core/message';

/** KRR's simple-strategy options (typer takes them with underscores; dashes are accepted too). */
const NUMBER_SETTINGS: [option: string, key: 'cpuPercentile' | 'memoryBufferPercentage' | 'historyDurationHours' | 'timeframeDurationMinutes' | 'pointsRequired'][] = [
  ['cpu_percentile', 'cpuPercentile'],
  ['memory_buffer_percentage', 'memoryBufferPercentage'],
  ['history_duration', 'historyDurationHours'],
  ['timeframe_duration', 'timeframeDurationMinutes'],
  ['points_required', 'pointsRequired'],
];

function option(v: ViewArgs, underscored: string): string | undefined {
  return argValue(v, underscored) ?? argValue(v, underscored.replace(/_/g, '-'));
}

type Settings = { ok: true; settings: KrrSettings; changed: boolean } | { ok: false; error: string };

/** KrrSettings with its fields widened from the defaults' literal types to what a person may set. */
type EditableSettings = { [K in keyof KrrSettings]: KrrSettings[K] extends number ? number : boolean };

function settingsOf(v: ViewArgs): Settings {
  const settings: EditableSettings = { ...KRR_SIMPLE_DEFAULTS };
  let changed = false;
  for (const [name, key] of NUMBER_SETTINGS) {
    const raw = option(v, name);
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || (key === 'cpuPercentile' && value > 100)) {
      return { ok: false, error: `Error: Invalid value for '--${name}': '${raw}'` };
    }
    settings[key] = value;
    changed = true;
  }
  if (argBool(v, 'allow_hpa') || argBool(v, 'allow-hpa')) {
    settings.allowHpa = true;
    changed = true;
  }
  return { ok: true, settings: settings as KrrSettings, changed };
}

/**
 * `krr simple` (robusta-dev/krr): the VPA module's KRR report over the playground's metric history.
 * `-n NS` (repeatable) keeps those namespaces; the strategy options change the calculation.
 */
export function krrView(world: World, v: ViewArgs): CommandResult {
  const strategy = v.positional[0];
  if (strategy === undefined) return { ok: false, output: "Usage: krr [OPTIONS] COMMAND [ARGS]...\nTry 'krr --help' for help.\n\nError: Missing command." };
  if (strategy !== 'simple') {
    return { ok: false, output: `the playground runs KRR's simple strategy only ("krr simple"); "${strategy}" is not simulated`, msg: msg('engine.command.krrSimpleOnly', { strategy }) };
  }
  const parsed = settingsOf(v);
  if (!parsed.ok) return { ok: false, output: parsed.error };
  const namespaces = argValues(v, 'namespace');
  if (namespaces.length === 0 && !parsed.changed) return { ok: true, output: krrSimpleView(world) };
  const s = parsed.settings;
  const rows = krrRows(world, s).filter((r) => namespaces.length === 0 || namespaces.includes(r.namespace));
  const header = [
    'Running Simple Strategy',
    `  history: ${s.historyDurationHours}h at a ${s.timeframeDurationMinutes}m step; CPU request = p${s.cpuPercentile} per pod (no CPU limit); memory = peak + ${s.memoryBufferPercentage}%`,
    namespaces.length > 0 ? `  namespaces: ${namespaces.join(', ')}` : '',
    '',
  ].filter((l, i, all) => l !== '' || i === all.length - 1);
  return { ok: true, output: [...header, rows.length === 0 ? 'No workloads with usage history yet.' : formatKrrTable(rows)].join('\n') };
}
