import LZString from 'lz-string';

/**
 * A link parameter compressed with lz-string → its text, or null when it does not decompress.
 * lz-string does not only return null on damaged input: on some strings of its own alphabet
 * ("z", "zzzzzzzz") it throws (`Cannot read properties of undefined (reading 'charAt')`). An
 * address is outside input, so every decompress of one goes through here and fails as null, which
 * the callers turn into their located "does not decompress" error.
 */
export function decompressParam(text: string): string | null {
  try {
    return LZString.decompressFromEncodedURIComponent(text);
  } catch {
    return null;
  }
}

/** `decodeURIComponent` without the URIError a stray `%` throws: the text as written instead. */
export function decodeParam(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
