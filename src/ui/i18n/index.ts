import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';
import { languageTrees, mergeTrees } from './mergeResources';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'playground.lang';

/** Other UI folders ship their own strings (src/ui/cluster/i18n.ts, …); merge whatever is there. */
const extraModules = import.meta.glob<Record<string, unknown>>(['../cluster/i18n.ts', '../autoscalers/i18n.ts'], { eager: true });

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
  let enTree: Record<string, unknown> = en;
  let koTree: Record<string, unknown> = ko;
  const namespaced: { en: Record<string, unknown>; ko: Record<string, unknown> } = { en: {}, ko: {} };
  for (const mod of Object.values(extraModules)) {
    const trees = languageTrees(mod);
    if (trees.en) {
      enTree = mergeTrees(enTree, trees.en);
      namespaced.en = mergeTrees(namespaced.en, trees.en);
    }
    if (trees.ko) {
      koTree = mergeTrees(koTree, trees.ko);
      namespaced.ko = mergeTrees(namespaced.ko, trees.ko);
    }
  }
  // The cluster folder may read its strings from the default namespace or from its own "cluster" one.
  return {
    en: { translation: enTree, cluster: namespaced.en },
    ko: { translation: koTree, cluster: namespaced.ko },
  };
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
