import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { usePlayRate } from '../../store/playRate';

/**
 * The speed the machine actually keeps up with (src/store/playRate.ts), shown beside the clock
 * only while playing clearly short of the chosen speed. It sits in the scrubber's row, which has
 * room at 1280×720 in both languages; the top bar has none to spare in Korean.
 */
export function AchievedSpeed() {
  const { t } = useTranslation();
  const playing = usePlayground((s) => s.playing);
  const speed = usePlayground((s) => s.speed);
  const achieved = usePlayRate((s) => s.achieved);
  if (!playing || achieved === null || achieved >= speed * 0.9) return null;
  const shown = Math.round(achieved);
  return (
    <span className="speed-achieved" data-testid="speed-achieved" title={t('app.speedAchievedTitle', { speed: shown, chosen: speed })}>
      {t('app.speedAchieved', { speed: shown })}
    </span>
  );
}
