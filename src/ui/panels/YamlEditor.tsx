import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorView, basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import type { TFunction } from 'i18next';
import { usePlayground } from '../../store/playgroundStore';
import { loadScenario } from '../../scenario/loadScenario';
import { openScenarioText } from '../../app/runLoader';
import { offsetOf, useYamlDraft } from './yamlDraft';
import { yamlHighlight, yamlTheme } from './yamlHighlight';
import { renderMessage } from '../i18n/message';

/** CodeMirror's own words (fold markers, the search panel, lint, go to line) → our keys. */
const PHRASES: Record<string, string> = {
  'Fold line': 'codemirror.foldLine',
  'Unfold line': 'codemirror.unfoldLine',
  'folded code': 'codemirror.foldedCode',
  unfold: 'codemirror.unfold',
  Find: 'codemirror.find',
  Replace: 'codemirror.replace',
  next: 'codemirror.next',
  previous: 'codemirror.previous',
  all: 'codemirror.all',
  'match case': 'codemirror.matchCase',
  'by word': 'codemirror.byWord',
  regexp: 'codemirror.regexp',
  replace: 'codemirror.replaceOne',
  'replace all': 'codemirror.replaceAll',
  close: 'codemirror.close',
  'current match': 'codemirror.currentMatch',
  'on line': 'codemirror.onLine',
  'Go to line': 'codemirror.goToLine',
  go: 'codemirror.go',
  Diagnostics: 'codemirror.diagnostics',
  'No diagnostics': 'codemirror.noDiagnostics',
};

function phrases(t: TFunction) {
  return EditorState.phrases.of(Object.fromEntries(Object.entries(PHRASES).map(([phrase, key]) => [phrase, t(key)])));
}
import { confirmDiscard } from '../../store/undoStore';
import type { ScenarioError } from '../../scenario/errors';

/** A loader error in the reader's language when it is in the playground's own words (ScenarioError.msg), else as written. */
const errorText = (t: TFunction, e: ScenarioError): string => (e.msg ? renderMessage(t, e.msg) : e.message);

/**
 * CodeMirror 6 on the scenario file (lazy-loaded: it is the heaviest part of the UI). Apply checks
 * the text first; errors go inline at their line and the running scenario keeps running.
 */
export default function YamlEditor() {
  const { t, i18n } = useTranslation();
  const language = useRef(new Compartment());
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const scenario = usePlayground((s) => s.scenario);
  const { draft, errors, message } = useYamlDraft();
  const file = scenario?.file ?? 'scenario.yaml';

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // In a shadow root CodeMirror's style modules go into a constructed stylesheet; in the document
    // they would be inline <style> elements, which the app's CSP (style-src 'self') refuses.
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.style.height = '100%';
    shadow.replaceChildren(parent);
    const view = new EditorView({
      root: shadow,
      parent,
      doc: useYamlDraft.getState().draft ?? usePlayground.getState().scenario?.text ?? '',
      extensions: [
        basicSetup,
        language.current.of(phrases(t)),
        yaml(),
        yamlHighlight,
        yamlTheme,
        lintGutter(),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          // Text equal to the running scenario's is no edit (and is not kept as a draft).
          const text = u.state.doc.toString();
          useYamlDraft.getState().setDraft(text === usePlayground.getState().scenario?.text ? null : text);
        }),
        EditorView.contentAttributes.of({ 'aria-label': t('yaml.editor'), 'data-testid': 'yaml-editor' }),
      ],
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The editor is created once per mount; language changes only affect the aria label.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The editor's own words follow the language switch.
  useEffect(() => {
    viewRef.current?.dispatch({ effects: language.current.reconfigure(phrases(t)) });
  }, [t, i18n.language]);

  // A new scenario (example picked, link opened) shows its text, or the edit saved for it
  // (src/ui/hardening/LostWork.tsx swaps the draft when the scenario changes).
  useEffect(() => {
    const view = viewRef.current;
    if (!view || !scenario) return;
    const want = useYamlDraft.getState().draft ?? scenario.text;
    if (view.state.doc.toString() !== want) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: want } });
  }, [scenario]);

  // Show the last check's errors inline (also after the editor was unmounted and mounted again).
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const text = view.state.doc.toString();
    const diagnostics: Diagnostic[] = errors.map((e) => {
      const from = offsetOf(text, e.line, e.col);
      const lineEnd = text.indexOf('\n', from);
      return { from, to: lineEnd < 0 ? text.length : Math.max(from, lineEnd), severity: 'error', message: `${e.path ? `${e.path}: ` : ''}${errorText(t, e)}` };
    });
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [errors, t]);

  const apply = async () => {
    const view = viewRef.current;
    const text = view ? view.state.doc.toString() : (draft ?? '');
    const checked = loadScenario(text, file);
    if (!checked.ok) {
      useYamlDraft.getState().setResult(checked.errors, t('yaml.errors', { count: checked.errors.length }));
      return;
    }
    if (!(await confirmDiscard())) return;
    const opened = await openScenarioText(text, file);
    if (opened.ok) {
      useYamlDraft.getState().setDraft(null);
      useYamlDraft.getState().setResult([], t('yaml.applied'));
    }
  };
  const reset = () => {
    const view = viewRef.current;
    const text = usePlayground.getState().scenario?.text ?? '';
    useYamlDraft.getState().setDraft(null);
    useYamlDraft.getState().setResult([], null);
    view?.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  };
  const jump = (line: number, col: number) => {
    const view = viewRef.current;
    if (!view) return;
    const pos = offsetOf(view.state.doc.toString(), line, col);
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  };

  return (
    <div className="yaml-panel">
      <div className="yaml-toolbar">
        <button type="button" className="primary" onClick={() => void apply()} data-testid="yaml-apply">
          {t('yaml.apply')}
        </button>
        <button type="button" onClick={reset}>
          {t('yaml.reset')}
        </button>
        <span className="muted small">{file}</span>
        {message && (
          <span className={errors.length > 0 ? 'err small' : 'ok small'} role={errors.length > 0 ? 'alert' : undefined} data-testid="yaml-message">
            {message}
          </span>
        )}
      </div>
      <div className="yaml-body">
        <div className="yaml-host" ref={hostRef} />
        {errors.length > 0 && (
          <ul className="yaml-errors" data-testid="yaml-errors">
            {errors.map((e, i) => (
              <li key={i}>
                <button type="button" className="linklike" onClick={() => jump(e.line, e.col)}>
                  {e.file}:{e.line}:{e.col}
                </button>{' '}
                {e.path ? `${e.path}: ` : ''}
                {errorText(t, e)}
              </li>
            ))}
          </ul>
        )}
        {errors.length === 0 && scenario && (scenario.notices.length > 0 || scenario.warnings.length > 0) && (
          <ul className="yaml-notices small">
            {scenario.warnings.map((w, i) => (
              <li key={`w${i}`} className="warn">
                {t('yaml.warnings')}: {renderMessage(t, w)}
              </li>
            ))}
            {scenario.notices.map((n, i) => (
              <li key={`n${i}`} className="muted">
                {t('yaml.notices')}: {renderMessage(t, n)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
