import { describe, expect, it } from 'vitest';
import { RUN_ONLY_KEYS, withViewParams } from './useHashSync';

/** One list of dropped keys decides what of the address a run hash keeps (Copy link inside a lesson drops the lesson's). */
describe('withViewParams', () => {
  const address = '#lesson=keda&step=3&lang=ko&s=OLD&t=1&q=app%3Dweb&cmp=preset:spot';

  it('replaces the run and the grid view, and keeps the rest of the address (a lesson link, the language, run B)', () => {
    expect(withViewParams('s=NEW&t=5', address)).toBe('s=NEW&t=5&lesson=keda&step=3&lang=ko&cmp=preset:spot');
  });

  it('with the run-only keys also drops the lesson link, so the link opens the run and not the step afresh', () => {
    expect(withViewParams('s=NEW&t=5', address, RUN_ONLY_KEYS)).toBe('s=NEW&t=5&lang=ko&cmp=preset:spot');
  });
});
