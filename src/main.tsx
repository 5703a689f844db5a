import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { i18next } from './ui/i18n';
import { declareKoreanFontFaces, loadKoreanFontFaces } from './app/koreanFont';

const root = document.getElementById('root');
// Hangul can be on the first page in either language: declare the Korean faces before it (koreanFont.ts).
const fontsFirst = i18next.language === 'ko' ? loadKoreanFontFaces() : declareKoreanFontFaces();
if (root) {
  void fontsFirst.then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
