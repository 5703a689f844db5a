import { useCallback, useMemo, useRef, useState } from 'react';
import { useDismiss } from '../ui/common/useDismiss';
import { useTranslation } from 'react-i18next';
import { currentRunHash } from './share/useHashSync';
import { embedSnippet } from './embed';
import { usePlayground } from '../store/playgroundStore';
import { downloadText } from '../ui/common/download';
import { allChartsSvg } from '../ui/charts/exportAll';
import { saveSvg, saveSvgAsPng } from '../ui/charts/exportPanel';
import { traceCsv, traceOf } from './exportTrace';

export function ExportMenu() {
  const { t } = useTranslation();
  const [snippet, setSnippet] = useState('');
  const [workload, setWorkload] = useState('');
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const inside = useMemo(() => [menuRef], []);
  useDismiss(open, useCallback(() => setOpen(false), []), inside, summaryRef);
  const session = usePlayground((s) => s.session);
  const workloads = session ? [...session.world.deployments.keys()].sort() : [];
  const embed = async (w = workload) => {
    const hash = await currentRunHash();
    if (!hash) return;
    const text = embedSnippet(window.location.href, hash, w || undefined);
    setSnippet(text);
    await navigator.clipboard?.writeText(text).catch(() => undefined);
  };
  const run = (what: 'json' | 'csv' | 'yaml' | 'png' | 'svg') => {
    const { session, scenario } = usePlayground.getState();
    if (!session || !scenario) return;
    const name = session.spec.name || 'scenario';
    if (what === 'json') downloadText(JSON.stringify(traceOf(name, session.spec.seed, session.history, session.world.events), null, 1), `${name}-trace.json`, 'application/json');
    else if (what === 'csv') downloadText(traceCsv(session.history), `${name}-trace.csv`, 'text/csv');
    // With the run's commands in its timeline and its seed: the file replays what the link replays.
    else if (what === 'yaml') void import('../scenario/timelineExport').then((m) => downloadText(m.scenarioWithCommands(scenario.text, session.spec.seed, session.log), `${name}.yaml`, 'application/yaml'));
    else {
      const charts = allChartsSvg(session.history, (k, v) => t(k, v));
      if (what === 'svg') saveSvg(charts.svg, `${name}-charts.svg`);
      else saveSvgAsPng(charts.svg, charts.width, charts.height, `${name}-charts.png`);
    }
  };
  return (
    <details className="menu" ref={menuRef} open={open}>
      {/* The state opens it, not the browser's own toggle: the close-on-Escape listeners are then in place when it shows. */}
      <summary
        ref={summaryRef}
        onClick={(e) => {
          e.preventDefault();
          setOpen((o) => !o);
        }}
      >
        {t('app.export')}
      </summary>
      <div className="menu-items">
        <button type="button" onClick={() => run('json')}>{t('app.exportTraceJson')}</button>
        <button type="button" onClick={() => run('csv')}>{t('app.exportTraceCsv')}</button>
        <button type="button" onClick={() => run('yaml')}>{t('app.exportScenario')}</button>
        <button type="button" onClick={() => run('png')}>{t('app.exportChartsPng')}</button>
        <button type="button" onClick={() => run('svg')}>{t('app.exportChartsSvg')}</button>
        <button type="button" data-testid="export-embed" onClick={() => void embed()}>
          {t('views.embed.menu')}
        </button>
        {snippet && (
          <label className="small">
            {t('views.embed.workload')}{' '}
            <select data-testid="embed-workload" value={workload} onChange={(e) => { setWorkload(e.target.value); void embed(e.target.value); }}>
              <option value="">{t('views.embed.allWorkloads')}</option>
              {workloads.map((w) => (
                <option key={w} value={w}>
                  {w}
                </option>
              ))}
            </select>
          </label>
        )}
        {snippet && <textarea className="embed-snippet" data-testid="embed-snippet" readOnly rows={4} value={snippet} aria-label={t('views.embed.copied')} onFocus={(e) => e.target.select()} />}
      </div>
    </details>
  );
}
