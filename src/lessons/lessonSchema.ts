import { ownWords } from '../scenario/ownWords';
import { msg } from '../sim/core/message';
import { z } from 'zod';
import '../scenario/zodConfig';
import { durationField } from '../scenario/fieldSchemas';
import { LESSON_TABS } from './types';

export const LESSON_API_VERSION = 'playground/v1alpha1';

/** Both languages, non-empty (a lesson ships in English and Korean). */
export const textSchema = z.strictObject({
  en: z
    .string()
    .trim()
    .min(1, ownWords('Required value: the English text is empty', msg('lessonError.englishEmpty'))),
  ko: z
    .string()
    .trim()
    .min(1, ownWords('Required value: the Korean text is empty', msg('lessonError.koreanEmpty'))),
});

const actionSchema = z.strictObject({
  run: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  stdin: z.string().optional(),
  tab: z.enum(LESSON_TABS).optional(),
  speed: z.number().positive().max(1000).optional(),
  runTo: durationField.optional(),
});

const stepSchema = z.strictObject({
  text: textSchema,
  hint: textSchema.optional(),
  action: actionSchema.optional(),
  // Validated by compileCheck (one schema per check type, for precise messages).
  check: z.unknown().optional(),
  within: durationField.optional(),
});

const questionSchema = z.strictObject({
  question: textSchema,
  choices: z.array(textSchema).min(2).max(5),
  answer: z.number().int().min(0),
  explanation: textSchema,
});

const timelineEntry = z.strictObject({
  at: durationField,
  run: z.string().min(1).optional(),
  apply: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});

const scenarioSchema = z.union([
  z.strictObject({
    example: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]*$/,
        ownWords('an example name is the file name in examples/ without .yaml, e.g. php-apache', msg('lessonError.exampleName')),
      ),
    timeline: z.array(timelineEntry).optional(),
    duration: durationField.optional(),
  }),
  z.strictObject({ yaml: z.string().min(1) }),
]);

export const lessonDocSchema = z.strictObject({
  apiVersion: z.literal(LESSON_API_VERSION),
  kind: z.literal('Lesson'),
  id: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
      ownWords('lesson ids are lower-case letters, digits and "-" (they appear in links: #lesson=ID)', msg('lessonError.lessonId')),
    ),
  title: textSchema,
  summary: textSchema,
  scenario: scenarioSchema,
  steps: z.array(stepSchema).min(1),
  questions: z.array(questionSchema).min(1).max(3),
});

export type LessonDoc = z.infer<typeof lessonDocSchema>;
