import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { parseCommandLine } from '../../scenario/commandLine';
import { englishModeLine } from '../../scenario/commandLine/hangulMode';
import { formatSeconds } from '../charts/geometry';
import { renderMessage } from '../i18n/message';
import { loadHistory, rememberLine, scopeOf } from '../../store/persistWork';

/** A failed line typed in Hangul mode: the same keys in English mode, when that is a command the console understands. */
function englishModeHint(input: string): string | undefined {
  const english = englishModeLine(input);
  return english !== undefined && parseCommandLine(english).ok ? english : undefined;
}

/** What a newcomer types first at an unknown prompt: answered with the console's own help, not "command not found". */
const HELP_WORDS = new Set(['help', '?', 'h', 'man', '--help', '-h', '도움말']);

export function isHelpRequest(line: string): boolean {
  return HELP_WORDS.has(line.trim().replace(/^\$\s+/, '').toLowerCase());
}

const HELP_LINES = ['kubectl', 'aws', 'krr', 'playground', 'keys'] as const;

/** A terminal: kubectl/aws command lines through the store (so they replay), ↑/↓ for history. */
export function ConsolePanel() {
  const { t } = useTranslation();
  const terminal = usePlayground((s) => s.terminal);
  const [line, setLine] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const outRef = useRef<HTMLPreElement>(null);
  // Lines typed in this scenario before (a reload included) come first, then this run's.
  const scope = usePlayground((s) => (s.scenario ? scopeOf(s.scenario.spec.name) : ''));
  const [saved, setSaved] = useState<string[]>([]);
  // Where help was asked for: after that many entries of the run's log. It is the page's answer, not a command.
  const [helpAfter, setHelpAfter] = useState<{ after: number; input: string }[]>([]);
  useEffect(() => {
    setSaved(scope ? loadHistory(scope) : []);
  }, [scope]);
  const typed = terminal.map((e) => e.input);
  const hints = useMemo(() => terminal.map((e) => (e.ok ? undefined : englishModeHint(e.input))), [terminal]);
  const inputRef = useRef<HTMLInputElement>(null);
  const history = [...saved.filter((l) => !typed.includes(l)), ...typed];

  useEffect(() => {
    const el = outRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [terminal.length]);

  const submit = () => {
    if (!line.trim()) return;
    if (isHelpRequest(line)) {
      setHelpAfter((h) => [...h, { after: terminal.length, input: line.trim() }]);
      setLine('');
      setCursor(null);
      return;
    }
    usePlayground.getState().run(line, parseCommandLine);
    if (scope) rememberLine(scope, line);
    setLine('');
    setCursor(null);
  };
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowUp' && history.length > 0) {
      e.preventDefault();
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setLine(history[next]);
    } else if (e.key === 'ArrowDown' && cursor !== null) {
      e.preventDefault();
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setLine('');
      } else {
        setCursor(next);
        setLine(history[next]);
      }
    }
  };

  const help = (after: number) =>
    helpAfter
      .filter((h) => h.after === after)
      .map((h, k) => (
        <span key={`help-${after}-${k}`} className="console-help" data-testid="console-help">
          <span className="prompt">$ {h.input}</span>
          {'\n'}
          {t('console.help.title')}
          {'\n'}
          {HELP_LINES.map((key) => `  ${t(`console.help.${key}`)}\n`).join('')}
        </span>
      ));

  return (
    <div className="console">
      <pre className="console-output" ref={outRef} data-testid="terminal-output" aria-live="polite">
        {terminal.length === 0 && helpAfter.length === 0 && <span className="muted">{t('console.hint')}</span>}
        {help(0)}
        {terminal.map((e, i) => (
          <span key={i} className={e.ok ? '' : 'err'}>
            <span className="prompt">
              [{formatSeconds(e.t)}] $ {e.input}
            </span>
            {'\n'}
            {e.msg ? renderMessage(t, e.msg) : e.output}
            {'\n'}
            {e.note && (
              <span className="muted">
                {renderMessage(t, e.note)}
                {'\n'}
              </span>
            )}
            {hints[i] !== undefined && (
              <span className="console-hangul" data-testid="hangul-mode-hint">
                {t('console.hangulMode', { line: hints[i] })}{' '}
                <button
                  type="button"
                  className="linklike"
                  onClick={() => {
                    setLine(hints[i]!);
                    setCursor(null);
                    inputRef.current?.focus();
                  }}
                >
                  {t('console.useLine')}
                </button>
                {'\n'}
              </span>
            )}
            {help(i + 1)}
          </span>
        ))}
      </pre>
      <form
        className="console-input"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <span className="prompt">$</span>
        <input
          ref={inputRef}
          aria-label={t('console.input')}
          data-testid="kubectl-input"
          value={line}
          placeholder={t('console.placeholder')}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKey}
        />
      </form>
    </div>
  );
}
