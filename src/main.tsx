import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { i18next } from './ui/i18n';
import { loadKoreanFontFaces } from './app/koreanFont';

const root = document.getElementById('root');
// A returning Korean reader: declare the Korean font faces before the first paint (koreanFont.ts).
const fontsFirst = i18next.language === 'ko' ? loadKoreanFontFaces() : Promise.resolve();
if (root) {
  void fontsFirst.then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
