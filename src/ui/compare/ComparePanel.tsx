import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exampleScenarios } from '../../app/exampleList';
import { engine } from '../../store/engine';
import { usePlayground } from '../../store/playgroundStore';
import { useCompare } from '../../store/compareStore';
import { download, historyUpTo } from './format';
import { useThrottled } from '../common/useThrottled';
import { ImportPanel } from './ImportPanel';
import { OverlayChart } from './OverlayChart';
import { ScorecardTable } from './ScorecardTable';
import { CompareRuns } from './CompareRuns';
import type { TraceSample } from '../../sim/trace/trace';
import type { Message } from '../../sim/core/message';
import { renderMessage } from '../i18n/message';

/** How often the scorecard and the overlay charts follow run B while it moves. */
const SCORE_REFRESH_MS = 250;

type Loading = typeof import('./compareLoading');

// The overlay charts' figures, defined once so the memoised charts see the same functions each render.
// Replicas first: an HPA or KEDA what-if (stabilization 300 s vs 0) differs there and nowhere else.
const replicasOf = (s: TraceSample) => {
  let sum = 0;
  for (const w of Object.values(s.workloads)) sum += w.replicas;
  return sum;
};
const nodesOf = (s: TraceSample) => s.nodes.total + s.nodes.launching;
const pendingOf = (s: TraceSample) => s.pods.pending;
const costOf = (s: TraceSample) => s.costPerHour;
const dollars = (v: number) => `$${v.toFixed(3)}`;
const jump = (seconds: number) => usePlayground.getState().seekTo(seconds * 1000);

/**
 * Compare mode: pick run B (a preset that fits A, another example, or edited YAML), run both on
 * A's clock, overlay their charts (A solid, B dashed) and read the engine's scorecard.
 */
export default function ComparePanel() {
  const { t } = useTranslation();
  const [lib, setLib] = useState<Loading | null>(null);
  const [mode, setMode] = useState<'compare' | 'import'>('compare');
  const scenario = usePlayground((s) => s.scenario);
  const version = usePlayground((s) => s.version);
  const session = usePlayground((s) => s.session);
  const { b, bScenario, sloMs, source, starting } = useCompare();
  const compareVersion = useCompare((s) => s.version);
  const [pick, setPick] = useState('');
  const [bText, setBText] = useState('');
  // The scenario loader's errors as Messages, rendered in the current language.
  const [errors, setErrors] = useState<Message[]>([]);
  const [view, setView] = useState<'scorecard' | 'grids' | 'why'>('scorecard');
  const linkErrors = useCompare((s) => s.linkErrors);

  useEffect(() => {
    void import('./compareLoading').then(setLib);
  }, []);
  // One clock: whenever A's world changed (play, step, seek), B follows to the same sim time.
  useEffect(() => {
    if (session) useCompare.getState().follow(session.world.timeMs);
  }, [version, session]);

  const presets = useMemo(() => (lib && scenario ? lib.presetsFor(scenario.text) : []), [lib, scenario]);

  const choose = (value: string) => {
    setPick(value);
    setErrors([]);
    if (value.startsWith('preset:')) {
      const p = presets.find((x) => `preset:${x.id}` === value);
      if (p?.ok) setBText(p.text);
    } else if (value.startsWith('example:')) {
      setBText(exampleScenarios.find((e) => `example:${e.id}` === value)?.text ?? '');
    } else if (value === 'edited' && scenario) setBText(scenario.text);
  };
  const start = () => {
    if (!lib || !session) return;
    const parsed = lib.parseScenario(bText, 'run-b.yaml');
    if (!parsed.ok) return setErrors(parsed.messages);
    // Same seed as A, so only the scenario differs.
    const s = { ...parsed.scenario, spec: { ...parsed.scenario.spec, seed: session.spec.seed } };
    useCompare.getState().startB(s, pick || 'edited', session.world.timeMs);
  };

  // B answers up to every frame while A plays; scoring both histories each time cost the page its
  // frames (a 33 ms median at 1000×), and a table read by people needs no more than a few a second.
  const throttledB = useThrottled(b, SCORE_REFRESH_MS);
  const scoredB = b && throttledB ? throttledB : b;
  // B runs in the worker and may trail A by a sync on its way: both are scored up to B's time.
  const scored = useMemo(() => {
    if (!scoredB || !session) return null;
    const e = engine();
    const aHistory = historyUpTo(session.history, scoredB.timeMs);
    const a = e.computeScorecard({ scenario: session.spec.name, seed: session.spec.seed, samples: aHistory }, { sloMs });
    const cb = e.computeScorecard({ scenario: scoredB.name, seed: scoredB.seed, samples: scoredB.history }, { sloMs });
    return { aHistory, comparison: e.compareScorecards(a, cb) };
    // A's history grows in place; B's time (a new scoredB) says when the part scored changed.
  }, [scoredB, session, sloMs]);
  const comparison = scored?.comparison ?? null;
  const aHistory = scored?.aHistory ?? [];

  const exportAll = (kind: 'json' | 'csv') => {
    if (!comparison || !session || !b) return;
    const e = engine();
    if (kind === 'csv') return download('scorecard.csv', e.comparisonCsv(comparison), 'text/csv');
    const a = e.historyTrace(session);
    void useCompare
      .getState()
      .traceB()
      .then((tb) => download('compare.json', `${JSON.stringify({ scorecard: comparison, a, b: tb })}\n`, 'application/json'));
  };

  if (!lib) return <p className="muted">{t('app.loading')}</p>;
  return (
    <div className={`compare-panel${b ? ' running' : ''}`} data-testid="compare-panel">
      <div className="compare-row" role="tablist" aria-label={t('compare.title')}>
        <button type="button" role="tab" aria-selected={mode === 'compare'} className={mode === 'compare' ? 'active' : ''} onClick={() => setMode('compare')}>
          {t('compare.title')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'import'} data-testid="compare-import-tab" className={mode === 'import' ? 'active' : ''} onClick={() => setMode('import')}>
          {t('compare.import.title')}
        </button>
      </div>
      {mode === 'import' ? (
        <ImportPanel lib={lib} />
      ) : (
        <>
          <div className="compare-row">
            <label>
              {t('compare.pickB')}{' '}
              <select data-testid="compare-pick" value={pick} onChange={(e) => choose(e.target.value)}>
                <option value="">{t('compare.choose')}</option>
                <optgroup label={t('compare.presets')}>
                  {presets.map((p) => (
                    <option key={p.id} value={`preset:${p.id}`} disabled={!p.ok} title={p.ok ? undefined : t(`compare.preset.${p.reason.key}`, { ...p.reason.params, defaultValue: p.reason.text })}>
                      {t(`compare.presetName.${p.id}`)}
                      {p.ok ? '' : ` — ${t('compare.doesNotFit')}`}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('compare.examples')}>
                  {exampleScenarios.map((e) => (
                    <option key={e.id} value={`example:${e.id}`}>
                      {e.id}
                    </option>
                  ))}
                </optgroup>
                <option value="edited">{t('compare.editedYaml')}</option>
              </select>
            </label>
            <button type="button" data-testid="compare-start" disabled={bText.trim() === ''} onClick={start}>
              {b ? t('compare.restartB') : t('compare.startB')}
            </button>
            {b && (
              <button type="button" onClick={() => useCompare.getState().stopB()}>
                {t('compare.stopB')}
              </button>
            )}
            <label>
              {t('compare.slo')}{' '}
              <input type="number" min={1} max={60000} step={50} data-testid="compare-slo" value={sloMs} onChange={(e) => Number(e.target.value) > 0 && useCompare.getState().setSlo(Number(e.target.value))} />
            </label>
            {comparison && (
              <>
                <button type="button" onClick={() => exportAll('json')}>
                  {t('compare.exportJson')}
                </button>
                <button type="button" onClick={() => exportAll('csv')}>
                  {t('compare.exportCsv')}
                </button>
              </>
            )}
          </div>
          {linkErrors.length > 0 && (
            <div className="banner error" role="alert" data-testid="compare-link-errors">
              <pre>{`${t('compare.linkError')}\n${linkErrors.join('\n')}`}</pre>
            </div>
          )}
          {errors.length > 0 && (
            <div className="banner error" role="alert" data-testid="compare-errors">
              <pre>{errors.map((e) => renderMessage(t, e)).join('\n')}</pre>
            </div>
          )}
          {starting && (
            <p className="muted" role="status" data-testid="compare-starting">
              {t('compare.startingB')}
            </p>
          )}
          {!b && !starting && bText && (
            <textarea className="compare-yaml" data-testid="compare-yaml" value={bText} onChange={(e) => setBText(e.target.value)} spellCheck={false} aria-label={t('compare.yamlB')} />
          )}
          {b && session && comparison && (
            <div className="compare-row" role="tablist" aria-label={t('compare.views')}>
              {(['scorecard', 'grids', 'why'] as const).map((v) => (
                <button key={v} type="button" role="tab" aria-selected={view === v} className={`tiny${view === v ? ' active' : ''}`} data-testid={`compare-view-${v}`} onClick={() => setView(v)}>
                  {t(`compare.view.${v}`)}
                </button>
              ))}
              {/* Copy link is folded away in projector mode (workshop.css): each mode shows its own hint. */}
              <span className="muted small share-hint-desk" data-testid="compare-share-hint">
                {t('compare.shareHint')}
              </span>
              <span className="muted small share-hint-projector" data-testid="compare-share-hint-projector">
                {t('compare.shareHintProjector')}
              </span>
            </div>
          )}
          {b && session && comparison && view !== 'scorecard' && <CompareRuns a={session} b={b} version={version + compareVersion} view={view} />}
          {b && session && comparison && view === 'scorecard' && (
            <div className="compare-body">
              <div className="compare-charts">
                <p className="compare-legend" data-testid="compare-legend">
                  <span className="key-a">━ {t('compare.legendA', { name: session.spec.name })}</span>{' '}
                  <span className="key-b">┅ {t('compare.legendB', { name: b.name, source: source ? t(`compare.source.${source.split(':')[0]}`) : '' })}</span>
                </p>
                <OverlayChart title={t('compare.chartReplicas')} a={aHistory} b={scoredB!.history} value={replicasOf} format={String} />
                <OverlayChart title={t('compare.chartNodes')} a={aHistory} b={scoredB!.history} value={nodesOf} format={String} />
                <OverlayChart title={t('compare.chartPending')} a={aHistory} b={scoredB!.history} value={pendingOf} format={String} />
                <OverlayChart title={t('compare.chartCost')} a={aHistory} b={scoredB!.history} value={costOf} format={dollars} />
                {bScenario && bScenario.notices.length > 0 && <p className="muted">{t('compare.bNotices', { count: bScenario.notices.length })}</p>}
              </div>
              <ScorecardTable c={comparison} onJump={jump} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
