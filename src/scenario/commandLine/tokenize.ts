/**
 * Splits a command line the way a POSIX shell would for the simple commands people paste:
 * whitespace separates words; '…' is literal; "…" keeps spaces and honours \" \\ \$ \`; a backslash
 * outside quotes escapes the next character; a backslash-newline joins lines; # starts a comment.
 * Pipes, redirections and command lists are refused: the playground runs one command per line.
 */
import { msg, type Message } from '../../sim/core/message';

/** Bash's own complaints (unmatched quotes) stay as bash prints them; the playground's refusal has a Message. */
export type TokenizeResult = { ok: true; words: string[] } | { ok: false; error: string; msg?: Message };

const OPERATORS = new Set(['|', '&', ';', '<', '>']);

export function tokenize(line: string): TokenizeResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const ch = line[i];
    if (ch === '\\') {
      if (line[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (i + 1 < n) word += line[i + 1];
      inWord = true;
      i += 2;
      continue;
    }
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let closed = false;
      while (j < n) {
        const c = line[j];
        if (c === '"') {
          closed = true;
          break;
        }
        if (c === '\\' && j + 1 < n && '"\\$`\n'.includes(line[j + 1])) {
          if (line[j + 1] !== '\n') word += line[j + 1];
          j += 2;
          continue;
        }
        word += c;
        j++;
      }
      if (!closed) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
      inWord = true;
      i = j + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    if (ch === '#' && !inWord) break;
    if (OPERATORS.has(ch)) {
      return {
        ok: false,
        error: `"${ch}" is not supported: the playground runs a single command per line (no pipes, redirections or command lists)`,
        msg: msg('cmd.singleCommand', { ch }),
      };
    }
    word += ch;
    inWord = true;
    i++;
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}
