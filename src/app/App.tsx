import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../ui/i18n';
import { ErrorBoundary } from '../ui/common/ErrorBoundary';
import { ChartsColumn } from '../ui/charts/ChartsColumn';
import { WorkloadControls } from '../ui/controls/WorkloadControls';
import { TimeScrubber } from '../ui/controls/TimeScrubber';
import { ClusterView } from '../ui/cluster/ClusterView';
import { CostHeader } from '../ui/cluster/CostHeader';
import { DetailsPanel } from '../ui/cluster/DetailsPanel';
import { useFrameLoop } from './useFrameLoop';
import { useKeyboard } from './useKeyboard';
import { useHashSync } from './share/useHashSync';
import { useCompareLink } from './share/compareLink';
import { replayTo, startupOnce, type StartupOutcome } from './runLoader';
import { useHashNavigation } from './share/useHashNavigation';
import { applyTheme, storedTheme, type Theme } from './theme';
import { TopBar } from './TopBar';
import { StatusSummary } from './StatusSummary';
import { BottomTabs } from './BottomTabs';
import { HelpOverlay } from './HelpOverlay';
import { OfflineReadyNote, UpdatePrompt, useServiceWorker } from './UpdatePrompt';
import { LostWork } from '../ui/hardening/LostWork';
import { EmbedBar } from './EmbedBar';
import { embedWorkload, isEmbed } from './embed';
import { useGridView } from '../store/gridViewStore';

/** Read once: an embedded page stays embedded (the hash sync keeps the parameter). */
const EMBED = isEmbed(window.location.hash);
/** An embed for one workload: its charts only, and the grid filtered to its pods (unless the link has its own filter). */
const EMBED_WORKLOAD = EMBED ? embedWorkload(window.location.hash) : undefined;
if (EMBED_WORKLOAD && !useGridView.getState().query) useGridView.getState().setQuery(EMBED_WORKLOAD);
import { usePlayground } from '../store/playgroundStore';
import './app.css';
import './workshop.css';
import { announceLayoutChange, useProjector } from './useProjector';
import { useLessonDrop } from '../ui/lessons/LessonFileButton';
import { loadCatalog, startupLesson } from '../ui/lessons/lessonRunner';
import { hasLessonProgress, useLessons } from '../store/lessonStore';
import { loadKoreanForCanvas } from './koreanFont';
import { renderMessage } from '../ui/i18n/message';

// The lesson panel (Markdown, the start screen's example metadata) loads when a lesson opens.
const LessonPanel = lazy(() => import('../ui/lessons/LessonPanel'));

declare global {
  interface Window {
    /** The store, for e2e tests and the console of a curious person (read it; act through commands). */
    __playground?: typeof usePlayground;
  }
}
window.__playground = usePlayground;

export function App() {
  const { t, i18n } = useTranslation();
  const [projector, toggleProjector] = useProjector();
  const lessonOn = useLessons((s) => s.active !== null || s.fileErrors.length > 0 || s.catalogOpen);
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const [help, setHelp] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState<StartupOutcome['notice']>(null);
  const [ready, setReady] = useState(false);

  const sw = useServiceWorker();
  useFrameLoop();
  useLessonDrop();
  useHashSync(ready);
  useHashNavigation(ready, setNotice);
  useCompareLink(ready);
  useKeyboard(
    useCallback(() => setHelp((h) => !h), []),
    useCallback(() => setHelp(false), []),
  );

  useEffect(() => {
    applyTheme(theme);
  }, [theme]);
  useEffect(announceLayoutChange, [lessonOn]);
  useEffect(() => {
    // Korean glyphs come from a web font fetched only once Korean is on; canvases redraw when it lands.
    if (i18n.language === 'ko') void loadKoreanForCanvas().then(() => usePlayground.setState((s) => ({ version: s.version + 1 })));
  }, [i18n.language]);

  useEffect(() => {
    // Runs once: StrictMode's second mount finds the session and keeps it.
    let cancelled = false;
    const done = () => !cancelled && setReady(true);
    void loadCatalog();
    void startupOnce(window.location.hash, !hasLessonProgress()).then(async (outcome) => {
      if (cancelled) return;
      setNotice(outcome.notice);
      if (outcome.lesson) {
        const lessonNotice = await startupLesson(outcome.lesson);
        if (lessonNotice) setNotice(lessonNotice);
        return done();
      }
      if (outcome.replayToMs > 0) void replayTo(outcome.replayToMs).then(done);
      else done();
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <div className={`${lessonOn ? 'app with-lesson' : 'app'}${EMBED ? ' embed' : ''}`}>
      {EMBED && <EmbedBar />}
      {!EMBED && (
        <>
          <ErrorBoundary name="topbar">
            <TopBar theme={theme} onTheme={setTheme} projector={projector} onProjector={toggleProjector} onHelp={() => setHelp(true)} onErrors={setErrors} />
          </ErrorBoundary>
          <div className="subbar">
            <ErrorBoundary name="scrubber">
              <TimeScrubber />
            </ErrorBoundary>
            <StatusSummary />
            <OfflineReadyNote sw={sw} />
          </div>
        </>
      )}
      <div className="banners">
        <UpdatePrompt sw={sw} />
        <LostWork />
        {notice && (
          <div
            className={notice.kind === 'error' ? 'banner error' : 'banner'}
            role="alert"
            data-testid="link-error"
          >
            <span>{renderMessage(t, { key: notice.key, ...(notice.values ? { params: notice.values } : {}) })}</span>
            <button type="button" className="tiny" onClick={() => setNotice(null)}>
              {t('app.dismiss')}
            </button>
          </div>
        )}
        {errors.length > 0 && (
          <div className="banner error" role="alert">
            <pre>{errors.join('\n')}</pre>
            <button type="button" className="tiny" onClick={() => setErrors([])}>
              {t('app.dismiss')}
            </button>
          </div>
        )}
      </div>
      <main className="main">
        <section className="left">
          <ErrorBoundary name="cost-header">
            <CostHeader />
          </ErrorBoundary>
          <div className="cluster-area">
            <ErrorBoundary name="cluster-view">
              <ClusterView />
            </ErrorBoundary>
            {!EMBED && (
              <ErrorBoundary name="details">
                <DetailsPanel />
              </ErrorBoundary>
            )}
          </div>
        </section>
        <section className="right">
          {!EMBED && (
            <ErrorBoundary name="controls">
              <WorkloadControls />
            </ErrorBoundary>
          )}
          <ErrorBoundary name="charts">
            <ChartsColumn theme={theme} workload={EMBED_WORKLOAD} />
          </ErrorBoundary>
        </section>
      </main>
      {!EMBED && (
        <ErrorBoundary name="tabs">
          <BottomTabs />
        </ErrorBoundary>
      )}
      {lessonOn && (
        <ErrorBoundary name="lesson">
          <Suspense fallback={null}>
            <LessonPanel />
          </Suspense>
        </ErrorBoundary>
      )}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
