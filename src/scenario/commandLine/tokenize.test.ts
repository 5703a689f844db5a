import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

const words = (line: string) => {
  const r = tokenize(line);
  if (!r.ok) throw new Error(r.error);
  return r.words;
};

describe('tokenize', () => {
  it('splits on whitespace and keeps quoted text together', () => {
    expect(words(`a  b "c d" 'e "f"' g\\ h`)).toEqual(['a', 'b', 'c d', 'e "f"', 'g h']);
  });
  it('joins adjacent quoted parts and honours escapes in double quotes', () => {
    expect(words(`--x="a b"c "q\\"uote\\\\"`)).toEqual(['--x=a bc', 'q"uote\\']);
  });
  it('keeps empty quoted words and drops comments', () => {
    expect(words(`a "" b # comment`)).toEqual(['a', '', 'b']);
  });
  it('joins continued lines', () => {
    expect(words('a \\\n b')).toEqual(['a', 'b']);
  });
  it('refuses unterminated quotes and shell operators', () => {
    expect(tokenize('a "b').ok).toBe(false);
    expect(tokenize("a 'b").ok).toBe(false);
    expect(tokenize('kubectl get pods | grep x')).toMatchObject({ ok: false, error: expect.stringContaining('"|" is not supported') as string });
    expect(words('sh -c "a; b | c"')).toEqual(['sh', '-c', 'a; b | c']);
  });
});
