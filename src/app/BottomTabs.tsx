import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../ui/common/ErrorBoundary';
import { ConsolePanel } from '../ui/panels/ConsolePanel';
import { EventsPanel } from '../ui/panels/EventsPanel';
import { LogsPanel } from '../ui/panels/LogsPanel';
import { WhyPanel } from '../ui/panels/WhyPanel';
import { TAB_IDS as TABS, useTabs, type TabId } from '../store/tabStore';

// The editor and the statecharts are the heavy parts: load them when their tab opens.
const YamlEditor = lazy(() => import('../ui/panels/YamlEditor'));
const StatechartsPanel = lazy(() => import('../ui/panels/StatechartsPanel'));
const AutoscalersPanel = lazy(() => import('../ui/autoscalers/AutoscalersPanel'));
const ComparePanel = lazy(() => import('../ui/compare/ComparePanel'));

export type { TabId };

function TabBody({ tab }: { tab: TabId }) {
  switch (tab) {
    case 'console':
      return <ConsolePanel />;
    case 'events':
      return <EventsPanel />;
    case 'logs':
      return <LogsPanel />;
    case 'yaml':
      return <YamlEditor />;
    case 'statecharts':
      return <StatechartsPanel />;
    case 'why':
      return <WhyPanel />;
    case 'autoscalers':
      return <AutoscalersPanel />;
    case 'compare':
      return <ComparePanel />;
  }
}

export function BottomTabs() {
  const { t } = useTranslation();
  const tab = useTabs((s) => s.tab);
  const setTab = useTabs((s) => s.setTab);
  const large = useTabs((s) => s.large);
  return (
    <section className={large ? 'bottom large' : 'bottom'}>
      <div className="tabs-row">
      <div role="tablist" className="tabs" aria-label={t('tabs.label')}>
        {TABS.map((id) => (
          <button
            key={id}
            role="tab"
            type="button"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            className={tab === id ? 'active' : ''}
            onClick={() => setTab(id)}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
        <button
          type="button"
          className="tiny panel-size"
          data-testid="panel-size"
          aria-pressed={large}
          title={t(large ? 'tabs.shrinkHint' : 'tabs.enlargeHint')}
          onClick={() => useTabs.getState().toggleLarge()}
        >
          {t(large ? 'tabs.shrink' : 'tabs.enlarge')}
        </button>
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        <ErrorBoundary key={tab} name={`tab-${tab}`}>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <TabBody tab={tab} />
          </Suspense>
        </ErrorBoundary>
      </div>
    </section>
  );
}
