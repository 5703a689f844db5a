import type { TFunction } from 'i18next';
import type { Message, MessageParam } from '../../sim/core/message';

/** Same separator as the engine's formatMessage (src/sim/core/message.ts). */
const LIST_SEPARATOR = ', ';

function isMessage(v: MessageParam): v is Message {
  return typeof v === 'object' && !Array.isArray(v);
}

/**
 * An engine explanation in the current language: nested clauses first, then the key's template
 * (src/ui/i18n/locales/<lang>/engine.json). Parameters that are names or quantities pass through.
 */
export function renderMessage(t: TFunction, m: Message): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    params[k] = Array.isArray(v) ? v.map((x) => renderMessage(t, x)).join(LIST_SEPARATOR) : isMessage(v) ? renderMessage(t, v) : v;
  }
  return t(m.key, params);
}

export function renderLines(t: TFunction, lines: readonly Message[]): string {
  return lines.map((m) => renderMessage(t, m)).join('\n');
}

/** A statechart state's name as people read it; unknown names show as they are. */
export function stateLabel(t: TFunction, name: string): string {
  // Parallel regions (Karpenter): "provisioning: idle · disruption: idle", each part translated.
  if (/^\w+: \w+( · \w+: \w+)*$/.test(name)) {
    return name
      .split(' · ')
      .map((part) => part.split(': ').map((w) => stateLabel(t, w)).join(': '))
      .join(' · ');
  }
  if (!name || !/^\w+$/.test(name)) return name;
  return t(`engine.state.${name}`, { defaultValue: name });
}

/** An explanation's heading: the engine's heading Message when it has one (the CA's last scale-up), else "Kind/name". */
export function explanationTitle(t: TFunction, e: { object: string; heading?: Message }): string {
  return e.heading ? renderMessage(t, e.heading) : e.object;
}
