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
