import type { ReactNode } from 'react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeTrees } from '../ui/i18n';

/** Component tests under jsdom: React's act() environment, and the real English locale files. */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function initEnglish(): Promise<void> {
  await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: localeTrees().en } }, interpolation: { escapeValue: false } });
}

export interface Mounted {
  el: HTMLElement;
  unmount: () => void;
}

/** Render `node` into a fresh element attached to the document. */
export function mountUi(node: ReactNode): Mounted {
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  act(() => root.render(node));
  return {
    el,
    unmount: () => {
      act(() => root.unmount());
      el.remove();
    },
  };
}
