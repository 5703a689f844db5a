import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { i18next } from './ui/i18n';
import { declareKoreanFontFaces, loadKoreanFontFaces } from './app/koreanFont';
import { keepsKoreanOffline } from './app/fontCache';

const root = document.getElementById('root');
// Hangul can be on the first page in either language: declare the Korean faces before it
// (koreanFont.ts); load them, and keep them for offline use, where Korean may be wanted.
const fontsFirst = keepsKoreanOffline(i18next.language, navigator.languages ?? []) ? loadKoreanFontFaces() : declareKoreanFontFaces();
if (root) {
  void fontsFirst.then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
