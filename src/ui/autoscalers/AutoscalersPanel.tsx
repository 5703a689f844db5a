import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { engine } from '../../store/engine';
import { usePlayground } from '../../store/playgroundStore';
import { useThrottledVersion } from '../cluster/useThrottledVersion';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { AutoscalerCard } from './AutoscalerCard';
import { buildCardModels } from './cardModel';
import { engineWhy } from './engineWhy';
import { viewCommands } from './viewCommands';
import './autoscalers.css';

/** Cards refresh at most four times a second: playing at 60× bumps the version every frame. */
const REFRESH_MS = 250;

/**
 * The Autoscalers tab: one card per autoscaler object in the newest trace sample (HPA, VPA,
 * ScaledObject and its queue, NodePool, Cluster Autoscaler, CPA). Lazy-loaded.
 */
export default function AutoscalersPanel() {
  const { t } = useTranslation();
  const version = useThrottledVersion(REFRESH_MS);
  const session = usePlayground((s) => s.session);
  const cards = useMemo(() => {
    if (!session) return [];
    const world = session.world;
    return buildCardModels(engine().currentSample(session), engine().autoscalerExplanations(world), world.logs, engineWhy(world)).map((card) => ({
      card,
      commands: viewCommands(world, card.kind, card.name),
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the world mutates in place; the throttled version says when
  }, [session, version]);

  if (!session) return null;
  return (
    <div className="textpanel scroll autoscalers" data-testid="autoscalers-panel">
      {cards.length === 0 && <p className="muted">{t('autoscalers.empty')}</p>}
      <div className="as-grid">
        {cards.map(({ card, commands }) => (
          <ErrorBoundary key={card.key} name={`autoscaler-${card.key}`}>
            <AutoscalerCard card={card} commands={commands} world={session.world} version={version} />
          </ErrorBoundary>
        ))}
      </div>
    </div>
  );
}
