import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeTrees } from './mergeResources';
import { hashParam } from '../../app/share/hashParams';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'playground.lang';

/**
 * Every visible string lives in a locale file, one per language and area:
 * src/ui/i18n/locales/<lang>/<area>.json. A translator edits those files only; adding a file adds
 * its keys. All areas merge into the default namespace (and `cluster`, which the cluster view may name).
 */
const localeFiles = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export function localeTrees(): Record<Language, Record<string, unknown>> {
  const trees: Record<string, Record<string, unknown>> = { en: {}, ko: {} };
  for (const [path, tree] of Object.entries(localeFiles)) {
    const lang = path.split('/')[2];
    if (lang in trees) trees[lang] = mergeTrees(trees[lang], tree);
  }
  return trees;
}

function storedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage may be blocked
  }
}

const isLanguage = (v: string | null | undefined): v is Language => v === 'en' || v === 'ko';

/**
 * The language a page opens in: a link's `lang=` (an instructor's lesson link for a Korean class),
 * else the reader's own choice from an earlier visit, else the browser's preferred languages (a
 * Korean browser gets Korean on its first visit), else English.
 */
export function initialLanguage(hash: string, stored: string | null, preferred: readonly string[]): Language {
  const fromLink = hashParam(hash, 'lang');
  if (isLanguage(fromLink)) return fromLink;
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function startLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  const lang = initialLanguage(window.location.hash, storedLanguage(), globalThis.navigator?.languages ?? []);
  // A link's choice is remembered like a choice made with the select.
  if (hashParam(window.location.hash, 'lang') === lang) remember(lang);
  return lang;
}

function remember(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* not remembered, still switched */
  }
}

function buildResources() {
  const { en, ko } = localeTrees();
  return { en: { translation: en, cluster: en }, ko: { translation: ko, cluster: ko } };
}

void i18next.use(initReactI18next).init({
  resources: buildResources(),
  lng: startLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;

export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  remember(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  // A `lang=` in the address would switch the page back on reload: it follows the choice.
  if (typeof window !== 'undefined') {
    const inLink = hashParam(window.location.hash, 'lang');
    if (inLink !== undefined && inLink !== lang) {
      const hash = window.location.hash.replace(/([#&])lang=[^&]*/, `$1lang=${lang}`);
      window.history.replaceState(null, '', hash);
    }
  }
}

export { i18next };
