import type { Lang } from '../../lessons/types';

/** i18next's language → a lesson text's language (Korean or, for anything else, English). */
export function langOf(language: string): Lang {
  return language.startsWith('ko') ? 'ko' : 'en';
}
