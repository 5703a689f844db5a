import LZString from 'lz-string';
import { msg, type Message } from '../../sim/core/message';
import { decodeParam, decompressParam } from './lzParam';
import { hashParam, wholeStep } from './hashParams';

/**
 * A lesson written by an instructor travels in its link: `#lessonfile=<the file, lz-compressed>&step=N`.
 * A bundled lesson's link names it (`#lesson=ID`); a file from disk has no name the students' pages
 * know, so the link carries the file itself, checked on arrival exactly as an opened file is.
 */
export const LESSON_FILE_PARAM = 'lessonfile';
/** What a lesson file from disk may weigh (LessonFileButton): a link carries no more. */
export const MAX_LESSON_FILE_BYTES = 512 * 1024;
/** The compressed text's bound, checked before decompressing (lz-string compresses YAML 3–5×). */
const MAX_PARAM_CHARS = MAX_LESSON_FILE_BYTES;
/** The name errors in a linked lesson file are located in. */
export const LINKED_LESSON_FILE = 'shared-lesson.yaml';

export function lessonFileParam(text: string): string {
  return LZString.compressToEncodedURIComponent(text);
}

export type LessonFileLinkRequest = { ok: true; text: string; step: number; asked?: string } | { ok: false; why: Message; english: string };

/** `#lessonfile=…&step=N` → the file's text and the 0-based step, or why it cannot be read; null when the link is not one. */
export function lessonFileLink(hash: string): LessonFileLinkRequest | null {
  const param = hashParam(hash, LESSON_FILE_PARAM);
  if (param === undefined) return null;
  const raw = hashParam(hash, 'step');
  // As a bundled lesson's link (runLoader lessonLink): the step as written, N counted from 1.
  const asked = raw === undefined ? undefined : decodeParam(raw);
  const n = asked === undefined ? undefined : wholeStep(asked);
  const step = n === undefined ? 0 : n - 1;
  if (param.length > MAX_PARAM_CHARS) {
    return { ok: false, why: msg('lessons.fileLink.tooLong', { chars: param.length, max: MAX_PARAM_CHARS }), english: `the lesson in the link is ${param.length} characters long; at most ${MAX_PARAM_CHARS}` };
  }
  const text = decompressParam(param);
  if (text === null || text === '') return { ok: false, why: msg('lessons.fileLink.unreadable'), english: 'the lesson in the link is not readable (cut short or changed)' };
  if (text.length > MAX_LESSON_FILE_BYTES) {
    const kb = Math.round(text.length / 1024);
    return { ok: false, why: msg('lessons.file.tooBig', { kb, max: MAX_LESSON_FILE_BYTES / 1024 }), english: `the file is ${kb} KB; a lesson file is at most ${MAX_LESSON_FILE_BYTES / 1024} KB` };
  }
  return { ok: true, text, step, ...(asked === undefined ? {} : { asked }) };
}
