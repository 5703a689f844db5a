import { z } from 'zod';
import { msg, type Message } from '../sim/core/message';

/**
 * zod's generic messages ("Too small: expected array to have >=1 items") as Messages, so that a
 * Korean error reads in Korean with the same bound, type and pattern. The English templates
 * (scenarioError.zod.*) render exactly zod's English, which stays what the CLI prints;
 * zodGeneric.test.ts holds them to zod's own locale.
 */
const ZOD_EN = z.locales.en();

/** Whether zod wrote the message itself: a schema's own text (`.regex(re, 'why')`) is not zod's to translate. */
function isZodDefault(issue: z.core.$ZodIssue): boolean {
  const m = ZOD_EN.localeError(issue as Parameters<typeof ZOD_EN.localeError>[0]);
  return (typeof m === 'string' ? m : m?.message) === issue.message;
}

/** Type names whose English zod prints as they are (zod shows "nan" as "NaN": left out). */
const TYPES = new Set(['string', 'number', 'int', 'bigint', 'boolean', 'symbol', 'undefined', 'null', 'array', 'object', 'record', 'map', 'set', 'date', 'file', 'function', 'tuple', 'value']);

/** A zod type name in the reader's language; one this module does not know stays as written. */
export function zodTypeName(name: string): Message {
  return TYPES.has(name) ? msg(`scenarioError.zod.type.${name}`) : msg('scenarioNote.verbatim', { text: name });
}

/** zod's units for sized origins (its locale's "Sizable"). */
const UNIT: Record<string, string> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };

function sizeMessage(issue: z.core.$ZodIssue): Message | undefined {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return undefined;
  const small = issue.code === 'too_small';
  const n = String(small ? issue.minimum : issue.maximum);
  const bound = issue.exact ? 'exactly' : small ? (issue.inclusive ? 'atLeast' : 'above') : issue.inclusive ? 'atMost' : 'below';
  const origin = issue.origin ?? 'value';
  const unit = UNIT[origin];
  const x = unit ? msg(`scenarioError.zod.amount.${unit}`, { n }) : n;
  return msg(`scenarioError.zod.${small ? 'tooSmall' : 'tooBig'}.${unit ? 'size' : 'value'}`, { origin: zodTypeName(origin), bound: msg(`scenarioError.zod.bound.${bound}`, { x }) });
}

function formatIssueMessage(issue: z.core.$ZodIssue): Message | undefined {
  if (issue.code !== 'invalid_format') return undefined;
  const i = issue as z.core.$ZodIssueInvalidStringFormat & { prefix?: string; suffix?: string; includes?: string; pattern?: string };
  switch (i.format) {
    case 'regex':
      return msg('scenarioError.zod.format.regex', { pattern: String(i.pattern) });
    case 'starts_with':
      return msg('scenarioError.zod.format.startsWith', { text: String(i.prefix) });
    case 'ends_with':
      return msg('scenarioError.zod.format.endsWith', { text: String(i.suffix) });
    case 'includes':
      return msg('scenarioError.zod.format.includes', { text: String(i.includes) });
    default:
      // "Invalid email address", "Invalid URL": the format's name as zod's English names it.
      return issue.message.startsWith('Invalid ') ? msg('scenarioError.zod.format.other', { format: issue.message.slice('Invalid '.length) }) : undefined;
  }
}

/**
 * The Message for a zod issue worded by zod itself, or undefined (a schema's own text, or a code
 * the caller words: invalid_type, invalid_value, unrecognized_keys, invalid_union, custom).
 */
export function zodGenericMessage(issue: z.core.$ZodIssue): Message | undefined {
  if (!isZodDefault(issue)) return undefined;
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_format':
      return formatIssueMessage(issue);
    case 'not_multiple_of':
      return msg('scenarioError.zod.notMultipleOf', { divisor: String(issue.divisor) });
    case 'invalid_key':
      return msg('scenarioError.zod.invalidKey', { origin: zodTypeName(issue.origin) });
    case 'invalid_element':
      return msg('scenarioError.zod.invalidElement', { origin: zodTypeName(issue.origin) });
    default:
      return undefined;
  }
}
