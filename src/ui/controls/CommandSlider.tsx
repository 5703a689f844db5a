import { useEffect, useMemo, useRef, useState } from 'react';
import { debounce } from '../common/debounce';

interface Props {
  label: string;
  testId: string;
  min: number;
  max: number;
  step?: number;
  /** The value in the world now; shown whenever the hand is off the slider. */
  value: number;
  disabled?: boolean;
  unit?: string;
  onCommit: (value: number) => void;
}

/**
 * A slider whose settled value becomes one command. While dragging, only local state changes
 * (cheap); the command goes out 200 ms after the last move, or at once on release.
 */
export function CommandSlider({ label, testId, min, max, step = 1, value, disabled, unit, onCommit }: Props) {
  const [draft, setDraft] = useState<number | null>(null);
  const commitRef = useRef(onCommit);
  useEffect(() => {
    commitRef.current = onCommit;
  }, [onCommit]);
  const debounced = useMemo(
    () =>
      debounce((v: number) => {
        commitRef.current(v);
        setDraft(null);
      }, 200),
    [],
  );
  useEffect(() => () => debounced.cancel(), [debounced]);
  const shown = draft ?? value;
  const flush = () => {
    if (draft === null) return;
    debounced.cancel();
    commitRef.current(draft);
    setDraft(null);
  };
  return (
    <label className="slider">
      <span className="slider-label">{label}</span>
      <input
        type="range"
        aria-label={label}
        data-testid={testId}
        min={min}
        max={Math.max(max, min)}
        step={step}
        value={Math.min(Math.max(shown, min), max)}
        disabled={disabled}
        onChange={(e) => {
          const v = Number(e.target.value);
          setDraft(v);
          debounced(v);
        }}
        onPointerUp={flush}
      />
      <span className="slider-value">
        {shown}
        {unit ? ` ${unit}` : ''}
      </span>
    </label>
  );
}
