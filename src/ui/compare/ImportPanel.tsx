import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../scenario/import';
import type { Message } from '../../sim/core/message';
import type { LoadedScenario } from '../../store/playgroundStore';
import { renderMessage } from '../i18n/message';
import { usePlayground } from '../../store/playgroundStore';
import { useCompare } from '../../store/compareStore';

type Loading = typeof import('./compareLoading');

/**
 * Paste or drop kubectl output; see what did not map, what was dropped and assumed; then run the
 * imported cluster as A, or compare it with a preset. Bad input leaves the current run alone.
 */
export function ImportPanel({ lib }: { lib: Loading }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [top, setTop] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  // The written scenario, loaded at Read: a cluster that maps but cannot run (2,000,000 replicas)
  // is refused then, naming the pasted object, rather than offered as "Run it as A".
  const [scenario, setScenario] = useState<LoadedScenario | null>(null);
  // Import errors and the scenario loader's are Messages, rendered in the current language.
  const [errors, setErrors] = useState<Message[]>([]);
  const [ms, setMs] = useState<number | null>(null);
  // The browser's own file input prints "Choose File / No file chosen" in its UI language, not the
  // page's: it stays hidden behind a translated button and the chosen file's name.
  const fileInput = useRef<HTMLInputElement>(null);
  const fileNameId = useId();
  const [fileName, setFileName] = useState<string | null>(null);

  const run = () => {
    const started = performance.now();
    const r = lib.importCluster({ text, top });
    const loaded = r.ok ? lib.loadImported(r.text) : null;
    setMs(Math.round(performance.now() - started));
    setResult(r);
    setScenario(loaded?.ok ? loaded.scenario : null);
    setErrors(!r.ok ? r.errors.map(lib.importErrorMessage) : loaded && !loaded.ok ? loaded.messages : []);
  };
  const open = () => {
    if (!scenario) return;
    useCompare.getState().stopB();
    usePlayground.getState().loadScenario(scenario);
  };
  const onDrop = (e: React.DragEvent<HTMLTextAreaElement>) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void file.text().then(setText);
  };

  return (
    <div className="import-panel" data-testid="import-panel">
      <p className="muted">{t('compare.import.privacy')}</p>
      <label className="import-field">
        {t('compare.import.kubectlLabel')}
        <textarea data-testid="import-text" value={text} onChange={(e) => setText(e.target.value)} onDrop={onDrop} spellCheck={false} />
      </label>
      <div className="compare-row">
        <span>{t('compare.import.file')}</span>
        <button type="button" data-testid="import-file-button" aria-describedby={fileNameId} onClick={() => fileInput.current?.click()}>
          {t('compare.import.chooseFile')}
        </button>
        <span id={fileNameId} className="muted import-file-name" data-testid="import-file-name">
          {fileName ?? t('compare.import.noFile')}
        </span>
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="import-file"
          accept=".yaml,.yml,.json,.txt"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            // Cleared so that choosing the same file again (after editing the text) reads it again.
            e.target.value = '';
            setFileName(f.name);
            void f.text().then(setText);
          }}
        />
      </div>
      <label className="import-field">
        {t('compare.import.topLabel')}
        <textarea data-testid="import-top" value={top} onChange={(e) => setTop(e.target.value)} spellCheck={false} />
      </label>
      <div className="compare-row">
        <button type="button" data-testid="import-run" disabled={text.trim() === ''} onClick={run}>
          {t('compare.import.read')}
        </button>
        {scenario && (
          <button type="button" data-testid="import-open" onClick={open}>
            {t('compare.import.open')}
          </button>
        )}
        {ms !== null && <span className="muted">{t('compare.import.took', { ms })}</span>}
      </div>
      {errors.length > 0 && (
        <div className="banner error" role="alert" data-testid="import-errors">
          <strong>{t('compare.import.failed')}</strong>
          <pre>{errors.map((e) => renderMessage(t, e)).join('\n')}</pre>
        </div>
      )}
      {result?.ok && (
        <div className="import-report" data-testid="import-report">
          <p>{renderMessage(t, lib.countsMessage(result.report.counts))}</p>
          <h4>{t('compare.import.unmapped', { count: result.report.unmapped.length })}</h4>
          <ul>
            {result.report.unmapped.map((u, i) => (
              <li key={i}>
                <code>
                  {u.kind} {u.namespace ? `${u.namespace}/` : ''}
                  {u.name}
                </code>
                : {u.msg ? renderMessage(t, u.msg) : t(`compare.import.reason.${u.key}`, { ...u.params, defaultValue: u.text })}
              </li>
            ))}
          </ul>
          <h4>{t('compare.import.dropped')}</h4>
          <ul>
            {result.report.dropped.map((d) => (
              <li key={d.key}>{t(`compare.import.drop.${d.key.replace(/^resource:.*/, 'resource')}`, { ...d.params, defaultValue: d.text })}</li>
            ))}
          </ul>
          <h4>{t('compare.import.assumptions')}</h4>
          <ul>
            {result.report.assumptions.map((a, i) => (
              <li key={i}>{t(`compare.import.assume.${a.key}`, { ...a.params, defaultValue: a.text })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
