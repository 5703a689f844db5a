import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const OFFLINE_NOTE_MS = 6000;

export interface ServiceWorkerState {
  /** Set when a new build is waiting: calling it with `true` activates it and reloads. */
  update: ((reload?: boolean) => Promise<void>) | null;
  dismissUpdate: () => void;
  offlineReady: boolean;
  dismissOfflineReady: () => void;
}

/**
 * Registers the service worker (vite-plugin-pwa / Workbox), production only. The person chooses
 * when to reload for a new build, so a run in progress is never cut short.
 */
export function useServiceWorker(): ServiceWorkerState {
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
  // "Ready offline" is news, not a question: it steps aside by itself.
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_NOTE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady]);
  return { update, dismissUpdate: () => setUpdate(null), offlineReady, dismissOfflineReady: () => setOfflineReady(false) };
}

/** A new build is ready: a banner row, because it asks something and stays until answered. */
export function UpdatePrompt({ sw }: { sw: ServiceWorkerState }) {
  const { t } = useTranslation();
  const { update } = sw;
  if (!update) return null;
  return (
    <div className="banner" role="alert" data-testid="update-prompt">
      <span>{t('views.offline.updateReady')}</span>
      <button type="button" className="tiny" onClick={() => void update(true)}>
        {t('views.offline.reload')}
      </button>
      <button type="button" className="tiny" onClick={sw.dismissUpdate}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}

/**
 * "Ready to work offline" floats over the end of the status row. As a banner row it pushed the whole
 * layout 42 px down a moment after load, under the pointer of someone about to click, and back up
 * 6 s later; over the cost summary it hid the price a workshop is looking at.
 */
export function OfflineReadyNote({ sw }: { sw: ServiceWorkerState }) {
  const { t } = useTranslation();
  if (!sw.offlineReady || sw.update) return null;
  return (
    <div className="banner banner-float" role="status" data-testid="offline-ready">
      <span>{t('views.offline.ready')}</span>
      <button type="button" className="tiny" onClick={sw.dismissOfflineReady}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
