import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Registers the service worker (vite-plugin-pwa / Workbox) and says when a new build is ready:
 * the person chooses when to reload, so a run in progress is never cut short. Production only.
 */
const OFFLINE_NOTE_MS = 6000;

export function UpdatePrompt() {
  const { t } = useTranslation();
  const [update, setUpdate] = useState<((reload?: boolean) => Promise<void>) | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    void import('virtual:pwa-register').then(({ registerSW }) => {
      if (cancelled) return;
      const updateSW = registerSW({
        onNeedRefresh: () => setUpdate(() => updateSW),
        onOfflineReady: () => setOfflineReady(true),
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  // "Ready offline" is news, not a question: it floats over a corner of the page and steps aside by
  // itself. As a row of the banners it pushed the whole layout 42 px down a moment after load, under
  // the pointer of someone about to click, and back up 6 s later.
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady]);
  if (update) {
    return (
      <div className="banner" role="alert" data-testid="update-prompt">
        <span>{t('views.offline.updateReady')}</span>
        <button type="button" className="tiny" onClick={() => void update(true)}>
          {t('views.offline.reload')}
        </button>
        <button type="button" className="tiny" onClick={() => setUpdate(null)}>
          {t('app.dismiss')}
        </button>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="banner banner-float" role="status" data-testid="offline-ready">
        <span>{t('views.offline.ready')}</span>
        <button type="button" className="tiny" onClick={() => setOfflineReady(false)}>
          {t('app.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}
