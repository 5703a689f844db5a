import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { World } from '../../sim/core/types';
import { formatSeconds } from '../charts/geometry';
import { logLine } from '../panels/textViews';
import type { AutoscalerCardModel } from './cardModel';
import { runCardView } from './viewCommands';
import { explanationTitle, renderLines, stateLabel } from '../i18n/message';

interface Props {
  card: AutoscalerCardModel;
  commands: string[];
  world: World;
  /** The throttled version: the card re-runs its view when it changes. */
  version: number;
}

const STATE_FIGURES = new Set(['provisioning', 'disruption']);

/** One autoscaler object: state, figures, its latest decision explained, and a kubectl view. */
export const AutoscalerCard = memo(function AutoscalerCard({ card, commands, world }: Props) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState(0);
  const command = commands[Math.min(picked, commands.length - 1)];
  // Only the chosen view runs, and only when the (throttled) version re-renders this card.
  const view = command ? runCardView(world, command) : null;
  const slug = card.key.replace(/[^A-Za-z0-9-]+/g, '-');
  return (
    <article className="as-card" data-testid={`autoscaler-card-${slug}`} aria-label={card.key}>
      <header className="as-card-head">
        <span className="as-kind">{card.kind}</span>
        <strong className="as-name">{card.name}</strong>
        {card.state && (
          <span className="as-state" title={t('autoscalers.state')} data-testid="autoscaler-state">
            {stateLabel(t, card.state)}
          </span>
        )}
      </header>
      <div className="as-body">
        <div className="as-left">
          <dl className="as-figures" aria-label={t('autoscalers.figures')}>
            {card.figures.map((fig, i) => (
              <div key={`${fig.labelKey}-${i}`}>
                <dt>
                  {fig.labelKey
                    ? t(`autoscalers.figure.${fig.labelKey}`, fig.labelValues)
                    : fig.labelValues?.raw}
                </dt>
                {/* Karpenter's loops report state paths such as "validating.waiting": name each state. */}
                <dd>{STATE_FIGURES.has(fig.labelKey) ? fig.value.split('.').map((s) => stateLabel(t, s)).join(' · ') : fig.value}</dd>
              </div>
            ))}
          </dl>
          {card.decided && (
            <section className="as-why">
              <h5>{card.explanations.length > 0 ? t('autoscalers.why') : t('autoscalers.whyFromLogs')}</h5>
              {card.explanations.map((e) => (
                <div key={e.object}>
                  <div className="muted small">
                    {explanationTitle(t, e)}
                    {e.state && ` · ${stateLabel(t, e.state)}`}
                    {e.at >= 0 && ` · ${formatSeconds(e.at)}`}
                  </div>
                  <pre>{renderLines(t, e.lines)}</pre>
                </div>
              ))}
              {card.explanations.length === 0 &&
                (card.logLines.length > 0 ? (
                  <pre>{card.logLines.map(logLine).join('\n')}</pre>
                ) : (
                  <p className="muted small">{t('autoscalers.noDecision')}</p>
                ))}
            </section>
          )}
        </div>
        {commands.length > 0 && (
          <section className="as-views">
            <h5>{t('autoscalers.views')}</h5>
            <div className="as-view-picker" role="group" aria-label={t('autoscalers.views')}>
              {commands.map((c, i) => (
                <button
                  key={c}
                  type="button"
                  className={`tiny${c === command ? ' active' : ''}`}
                  aria-pressed={c === command}
                  onClick={() => setPicked(i)}
                >
                  {c.replace(/^kubectl /, '')}
                </button>
              ))}
            </div>
            {view && (
              <pre className={view.ok ? 'as-view' : 'as-view err'} data-testid="autoscaler-view">
                <span className="muted">$ {view.command}</span>
                {'\n'}
                {view.output}
              </pre>
            )}
          </section>
        )}
      </div>
    </article>
  );
});
