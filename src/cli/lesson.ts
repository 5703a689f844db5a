/**
 * npm run lesson -- FILE.yaml [--lang en|ko]    run one lesson headless
 * npm run lesson -- --all                       every lesson in lessons/, in English and in Korean
 * Performs every step's action and runs until its check holds within its budget; one line per step.
 * Exit codes: 0 every check held; 1 a check did not hold or an action failed (the step is named);
 * 2 an invalid lesson file or arguments (FILE:LINE:COL: message on stderr).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatError } from '../scenario/errors';
import { runLessonFile } from '../lessons/headless';
import type { Lang } from '../lessons/types';
import { renderer } from './localeText';

function usage(message: string): never {
  process.stderr.write(`lesson: ${message}\nusage: npm run lesson -- FILE.yaml [--lang en|ko] | npm run lesson -- --all\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ options: { lang: { type: 'string' }, all: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
} catch (err) {
  usage((err as Error).message);
}
const { values, positionals } = parsed;
const lang = values.lang ?? 'en';
if (lang !== 'en' && lang !== 'ko') usage(`--lang must be en or ko (got "${lang}")`);
if (values.all && positionals.length > 0) usage('give either --all or lesson files, not both');
if (!values.all && positionals.length === 0) usage('a lesson file (or --all) is required');

const readExample = (name: string): string | undefined => {
  try {
    return readFileSync(join('examples', `${name}.yaml`), 'utf8');
  } catch {
    return undefined;
  }
};

function runOne(file: string, language: Lang): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`${file}:1:1: cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const run = runLessonFile(text, file, readExample, language, (line) => process.stdout.write(`${line}\n`), renderer(language));
  if (!run.loaded) {
    process.stderr.write(`${run.errors.map(formatError).join('\n')}\n`);
    process.exit(2);
  }
  process.stdout.write(`${run.ok ? 'ok' : 'FAILED'} ${file} [${language}] ${run.steps} steps, ${Math.round(performance.now() - started)} ms\n`);
  return run.ok;
}

const files = values.all
  ? readdirSync('lessons')
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join('lessons', f))
  : positionals;
const langs: Lang[] = values.all ? ['en', 'ko'] : [lang];
let failed = 0;
for (const file of files) for (const l of langs) if (!runOne(file, l)) failed++;
if (values.all) process.stdout.write(`${files.length} lessons × ${langs.length} languages: ${failed === 0 ? 'all passed' : `${failed} failed`}\n`);
process.exit(failed > 0 ? 1 : 0);
