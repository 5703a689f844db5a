/**
 * A table's entry for a key typed by a person (a verb, a unit, a flag, a region), own keys only:
 * plain objects inherit Object.prototype, so "toString" or "constructor" would find a function.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
