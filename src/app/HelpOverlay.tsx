import { useTranslation } from 'react-i18next';

const KEYS: [string, string][] = [
  ['Space', 'help.space'],
  ['→', 'help.right'],
  ['Shift + →', 'help.shiftRight'],
  ['←', 'help.left'],
  ['?', 'help.question'],
  ['Esc', 'help.escape'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={onClose}>
      <div className="help-card" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('help.title')}</h2>
        <table>
          <tbody>
            {KEYS.map(([key, label]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={onClose} autoFocus>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}
