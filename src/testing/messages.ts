import i18next, { type TFunction } from 'i18next';
import { formatMessage, type Message } from '../sim/core/message';
import { localeTrees } from '../ui/i18n';

/** Engine messages rendered in English or Korean, as the UI shows them (tests only). */
function lookupIn(tree: Record<string, unknown>) {
  return (key: string): string | undefined => {
    let node: unknown = tree;
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
}

const trees = localeTrees();

export function en(m: Message): string {
  return formatMessage(m, lookupIn(trees.en));
}
export function ko(m: Message): string {
  return formatMessage(m, lookupIn(trees.ko));
}
/** Lines joined with newlines, as the Why panel shows them. */
export function enText(lines: readonly Message[]): string {
  return lines.map(en).join('\n');
}
export function koText(lines: readonly Message[]): string {
  return lines.map(ko).join('\n');
}

/**
 * The locale files as i18next `t` functions, one per language, for code that takes a `t` (tests only).
 * No fallback language: a key missing in Korean must show as missing, not as English.
 */
export async function localeT(): Promise<{ en: TFunction; ko: TFunction }> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', fallbackLng: false, resources: { en: { translation: trees.en }, ko: { translation: trees.ko } }, interpolation: { escapeValue: false } });
  return { en: i18n.getFixedT('en'), ko: i18n.getFixedT('ko') };
}
