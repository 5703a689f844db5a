import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { undoReplace, useUndo, watchRuns } from '../../store/undoStore';
import { loadDraft, saveDraft, scopeOf } from '../../store/persistWork';
import { useYamlDraft } from '../panels/yamlDraft';
import { formatSeconds } from '../charts/geometry';
import './lostWork.css';

/** Scope of the scenario on screen, for the saved console lines and YAML draft. */
export function currentScope(): string | null {
  const s = usePlayground.getState().scenario;
  return s ? scopeOf(s.spec.name) : null;
}

/**
 * Keeps the unapplied YAML edit in localStorage (per scenario) and brings it back when that
 * scenario is open again, after a reload included. Returns the unsubscribe function.
 */
function persistDrafts(restoredMessage: () => string): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { scope: string; text: string | null } | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending) saveDraft(pending.scope, pending.text);
    pending = null;
  };
  const restore = () => {
    const s = usePlayground.getState().scenario;
    const scope = currentScope();
    if (!s || !scope) return;
    const saved = loadDraft(scope);
    if (saved !== null && saved !== s.text) {
      useYamlDraft.getState().setDraft(saved);
      useYamlDraft.getState().setResult([], restoredMessage());
    } else {
      if (saved !== null) saveDraft(scope, null);
      useYamlDraft.getState().setDraft(null);
    }
  };
  restore();
  const offScenario = usePlayground.subscribe((s, prev) => {
    if (s.scenario === prev.scenario) return;
    flush();
    restore();
  });
  const offDraft = useYamlDraft.subscribe((d, prev) => {
    if (d.draft === prev.draft) return;
    const scope = currentScope();
    if (!scope) return;
    const text = d.draft === usePlayground.getState().scenario?.text ? null : d.draft;
    pending = { scope, text };
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, 400);
  });
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    offScenario();
    offDraft();
    window.removeEventListener('pagehide', flush);
  };
}

/**
 * Issue #12 item 9, on screen: "the run after M:SS was replaced" with Undo, the question before a
 * run with the person's changes is discarded, and the saved YAML draft.
 */
export function LostWork() {
  const { t } = useTranslation();
  const replaced = useUndo((s) => s.replaced);
  const confirm = useUndo((s) => s.confirm);
  const session = usePlayground((s) => s.session);
  const keepRef = useRef<HTMLButtonElement>(null);
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    watchRuns();
    return persistDrafts(() => tRef.current('hardening.draftRestored'));
  }, []);

  useEffect(() => {
    if (confirm) keepRef.current?.focus();
  }, [confirm]);

  return (
    <>
      {replaced && replaced.session === session && (
        <div className="banner" role="status" data-testid="run-replaced">
          <span>{t('hardening.runReplaced', { time: formatSeconds(replaced.atMs / 1000) })}</span>
          <span className="banner-actions">
            <button type="button" className="tiny" onClick={undoReplace} data-testid="run-replaced-undo">
              {t('hardening.undo')}
            </button>
            <button type="button" className="tiny" onClick={() => useUndo.getState().dismiss()}>
              {t('app.dismiss')}
            </button>
          </span>
        </div>
      )}
      {confirm && (
        <div className="confirm-backdrop" onKeyDown={(e) => e.key === 'Escape' && confirm.resolve(false)}>
          <div className="confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-body" data-testid="confirm-discard">
            <h2 id="confirm-title">{t('hardening.confirmTitle')}</h2>
            <p id="confirm-body">{t('hardening.confirmBody', { count: confirm.changes })}</p>
            <div className="confirm-actions">
              <button type="button" ref={keepRef} onClick={() => confirm.resolve(false)} data-testid="confirm-keep">
                {t('hardening.confirmKeep')}
              </button>
              <button type="button" className="danger" onClick={() => confirm.resolve(true)} data-testid="confirm-discard-run">
                {t('hardening.confirmDiscard')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
