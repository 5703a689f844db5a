import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeTrees } from './mergeResources';

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

function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'ko') return v;
  } catch {
    /* storage may be blocked: fall back to English */
  }
  return 'en';
}

function buildResources() {
  const { en, ko } = localeTrees();
  return { en: { translation: en, cluster: en }, ko: { translation: ko, cluster: ko } };
}

void i18next.use(initReactI18next).init({
  resources: buildResources(),
  lng: storedLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;

export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    /* not remembered, still switched */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export { i18next };
