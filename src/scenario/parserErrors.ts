import type { ErrorCode } from 'yaml';
import { msg, type Message } from '../sim/core/message';

/**
 * The parsers' own error texts (the `yaml` package's, JSON.parse's) are English and written for
 * the parser's authors. A person reads where it went wrong and why in their own language; the
 * parser's text stays beside it as a quoted detail. `why` is a locale key under parserError.*
 * (src/ui/i18n/locales/<lang>/parser.json); the English twins below are what the CLI prints and
 * equal the English file (src/ui/i18n/parserErrors.test.ts).
 */

/** Why a YAML text does not parse, for each of the `yaml` package's error codes. */
export const YAML_WHY: Record<ErrorCode | MissingCharWhy | 'flowNotClosed' | 'other', string> = {
  ALIAS_PROPS: 'an alias (*name) cannot carry a tag or an anchor of its own',
  BAD_ALIAS: 'an alias (*name) points to an anchor (&name) that is not defined before it',
  BAD_DIRECTIVE: 'a % directive that YAML does not know',
  BAD_DQ_ESCAPE: 'an invalid \\ escape inside a double-quoted string',
  BAD_INDENT: 'the indentation does not line up with the lines around it',
  BAD_PROP_ORDER: 'an anchor (&name) or tag (!tag) is in the wrong place',
  BAD_SCALAR_START: 'a plain value starts with a character YAML reserves (such as @, ` or %): quote it',
  BLOCK_AS_IMPLICIT_KEY: 'a block value stands where a key should be',
  BLOCK_IN_FLOW: 'block-style lines (- item, key: value) inside [ ] or { }',
  DUPLICATE_KEY: 'the same key appears twice in one mapping',
  IMPOSSIBLE: 'the parser reached a state it should never reach',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  MISSING_CHAR: 'a closing character is missing: a quote, ] or }',
  MULTILINE_IMPLICIT_KEY: 'a key runs over more than one line (often a missing colon or a bad indent just above)',
  MULTIPLE_ANCHORS: 'one value has more than one anchor (&name)',
  MULTIPLE_DOCS: 'more than one document where one is expected',
  MULTIPLE_TAGS: 'one value has more than one tag (!tag)',
  NON_STRING_KEY: 'a key that is not a plain string',
  RESOURCE_EXHAUSTION: 'the aliases expand to far too much data (the guard against a YAML bomb)',
  TAB_AS_INDENT: 'a tab is used to indent; YAML indents with spaces only',
  TAG_RESOLVE_FAILED: 'a value does not fit its tag (for example !!int on a word)',
  UNEXPECTED_TOKEN: 'a character that cannot come here (often a stray : or -, or text after a value ended)',
  BAD_COLLECTION_TYPE: 'a list or mapping of the wrong kind for its tag',
  // The parser reports an unclosed [ or { as BAD_INDENT ("… must be sufficiently indented and end with a ]").
  flowNotClosed: 'a [ or { is not closed, or the line after it is not indented enough',
  // The parser files several unrelated mistakes under MISSING_CHAR; each gets its own reason (MISSING_CHAR_WHYS).
  seqItemNoDash: 'a list item has no "- " in front of it, or is indented differently from the item above it',
  keyNoValue: 'a key has no ": " and value after it (a missing colon, or a line indented too far or not far enough)',
  missingSpace: 'a space is missing: after a ":" or ",", before a "#" comment, or after a tag or anchor',
  missingComma: 'a "," is missing between the items of a [ ] or { }',
  other: "the text breaks YAML's syntax here",
};

type MissingCharWhy = 'seqItemNoDash' | 'keyNoValue' | 'missingSpace' | 'missingComma';

/**
 * MISSING_CHAR is the `yaml` package's code for a missing quote, and also for a list item without its
 * dash (a common mis-indented paste), a key without a value and a missing space or comma: read
 * as "a closing character is missing" those sent a person looking for a quote that is not there.
 */
const MISSING_CHAR_WHYS: [RegExp, MissingCharWhy][] = [
  [/^Sequence item without - indicator/, 'seqItemNoDash'],
  [/^Implicit map keys need to be followed by map values/, 'keyNoValue'],
  [/^Missing space after :|must be separated from (other tokens|the next token) by white space/, 'missingSpace'],
  [/^Missing , (or : )?between/, 'missingComma'],
];

export type YamlWhy = keyof typeof YAML_WHY;

/** Why JSON.parse stopped, read from its message (V8's and Firefox's wordings). */
export const JSON_WHY = {
  end: 'the text ends before the JSON does: it looks cut off',
  comma: 'a comma, or a closing ] or }, is missing',
  propertyName: 'a property name must be in double quotes',
  string: 'a string has no closing double quote',
  control: 'a string holds a raw line break or tab: write it as \\n or \\t',
  trailing: 'more text follows after the JSON value ended',
  token: 'a character JSON does not allow here',
} as const;

export type JsonWhy = keyof typeof JSON_WHY;

/** A parser's failure, explained: where (1-based; undefined when the parser does not say), why, and its own words. */
export interface ParserProblem {
  line?: number;
  col?: number;
  why: Message;
  /** The English twin of `why`. */
  whyText: string;
  /** The parser's own message, first line, as it printed it. */
  detail: string;
}

const isYamlCode = (code: string): code is YamlWhy => Object.hasOwn(YAML_WHY, code);

function yamlWhy(code: string): { why: Message; whyText: string } {
  const key: YamlWhy = isYamlCode(code) ? code : 'other';
  return { why: msg(`parserError.yaml.${key}`), whyText: YAML_WHY[key] };
}

/**
 * The `yaml` parser places a list item without its dash ("Sequence item without - indicator") and a
 * key out of line with the keys above ("All mapping items must start at the same column") at the end
 * of the item above: column 1 of the next line, or a blank or comment line before the item. The item
 * a person must fix starts at the first character after that.
 */
const PLACED_AFTER_ITEM_ABOVE = /^(Sequence item without - indicator|All mapping items must start at the same column)/;

/** The offset a `yaml` parse error is shown at: where the parser puts it, or the item it is about. */
export function yamlErrorOffset(text: string, error: { message: string; pos: [number, number] }): number {
  let i = error.pos[0];
  if (!PLACED_AFTER_ITEM_ABOVE.test(error.message)) return i;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else break;
  }
  return i < text.length ? i : error.pos[0];
}

/** A `yaml` parse error (YAMLParseError: `code`, `message`), located by the caller. */
export function yamlProblem(error: { code?: string; message: string }, where: { line: number; col: number } | undefined): ParserProblem {
  const detail = error.message.split('\n')[0];
  const missing = error.code === 'MISSING_CHAR' ? MISSING_CHAR_WHYS.find(([re]) => re.test(detail))?.[1] : undefined;
  const code = /end with an? [\]}]/.test(detail) ? 'flowNotClosed' : (missing ?? error.code ?? 'other');
  return { ...where, ...yamlWhy(code), detail };
}

/**
 * A failure while building values from a parsed document (`doc.toJS`): the `yaml` package throws a
 * plain Error there, without a code, for an alias with no anchor and for too many aliases.
 */
export function yamlValueProblem(err: unknown, where: { line: number; col: number } | undefined): ParserProblem {
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const code = /alias count|resource exhaustion/i.test(detail) ? 'RESOURCE_EXHAUSTION' : /unresolved alias/i.test(detail) ? 'BAD_ALIAS' : 'other';
  return { ...where, ...yamlWhy(code), detail };
}

function jsonWhy(message: string): JsonWhy {
  if (/end of (JSON )?(input|data)/i.test(message)) return 'end';
  if (/unterminated string/i.test(message)) return 'string';
  if (/control character/i.test(message)) return 'control';
  if (/property name/i.test(message)) return 'propertyName';
  if (/expected ',' or/i.test(message)) return 'comma';
  if (/after JSON|non-whitespace character after/i.test(message)) return 'trailing';
  return 'token';
}

/** 1-based line and column of a 0-based offset in `text`. */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, col: before.length - lastBreak };
}

/** A JSON.parse failure on `text`: where from the message's position (or line and column), or the end of the text when it ran out. */
export function jsonProblem(err: unknown, text: string): ParserProblem {
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const kind = jsonWhy(detail);
  const lineCol = /line (\d+) column (\d+)/.exec(detail);
  const position = /position (\d+)/.exec(detail);
  const where = position
    ? lineColAt(text, Number(position[1]))
    : lineCol
      ? { line: Number(lineCol[1]), col: Number(lineCol[2]) }
      : kind === 'end'
        ? lineColAt(text, text.trimEnd().length)
        : undefined;
  return { ...where, why: msg(`parserError.json.${kind}`), whyText: JSON_WHY[kind], detail };
}
