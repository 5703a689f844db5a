import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../sim/session';
import { usePlayground, type LoadedScenario } from '../../store/playgroundStore';
import { RUN_ONLY_KEYS, lessonAddressToWrite, withViewParams, writeHashNow } from './useHashSync';

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

/** While a lesson is open, the address follows its step, but never over a lesson link that just arrived. */
describe('lessonAddressToWrite', () => {
  it('writes the step over the address the page wrote or opened with', () => {
    expect(lessonAddressToWrite('#lesson=hpa&step=1', '#lesson=hpa&step=2', '#lesson=hpa&step=1')).toBe('#lesson=hpa&step=2');
    // Opened as #lesson=hpa: the first write names the step.
    expect(lessonAddressToWrite('#lesson=hpa', '#lesson=hpa&step=1', '#lesson=hpa')).toBe('#lesson=hpa&step=1');
    // A run's address (a lesson picked from the menu over a run) becomes the lesson's.
    expect(lessonAddressToWrite('#s=abc&t=5', '#lesson=hpa&step=1', '#s=abc&t=5')).toBe('#lesson=hpa&step=1');
  });
  it('writes nothing when the address is already the step', () => {
    expect(lessonAddressToWrite('#lesson=hpa&step=2', '#lesson=hpa&step=2', '')).toBeNull();
  });
  it('keeps another lesson link pasted before the first write (a reload must open it, not the lesson before)', () => {
    // The page opened lesson cpa; within the first second the instructor's next link arrives.
    expect(lessonAddressToWrite('#lesson=karpenter&step=1', '#lesson=cpa&step=4', '#lesson=cpa&step=4')).toBeNull();
    expect(lessonAddressToWrite('#lesson=karpenter&step=1', '#lesson=cpa&step=4', '#lesson=cpa')).toBeNull();
    // Opened with no address, a lesson picked from the menu, then a link pasted before the first write.
    expect(lessonAddressToWrite('#lesson=karpenter&step=1', '#lesson=cpa&step=1', '')).toBeNull();
  });
});

/**
 * The address follows the run once a second through an await (the encoder loads on demand). A link
 * pasted during that await must stand: written over, the open page would never open it (CI saw the
 * instructor's lesson link vanish this way, e2e/lostwork.spec.ts).
 */
describe('writeHashNow', () => {
  const text = readFileSync(join(import.meta.dirname, '../../../examples/hpa-php-apache.yaml'), 'utf8');
  function fakePage(hash: string) {
    const location = { hash };
    const replaceState = vi.fn((_s: unknown, _t: string, url: string) => void (location.hash = url));
    vi.stubGlobal('window', { location, history: { replaceState } });
    const session = { spec: { seed: 1 }, log: [], world: { timeMs: 30_000 } } as unknown as Session;
    usePlayground.setState({ session, scenario: { text, file: 'hpa-php-apache.yaml' } as LoadedScenario });
    return { location, replaceState };
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    usePlayground.setState({ session: null, scenario: null });
  });

  it('writes the run over the address it found', async () => {
    const page = fakePage('#s=OLD&t=1');
    const written = await writeHashNow();
    expect(written).toMatch(/^#s=.*&t=30000/);
    expect(page.replaceState).toHaveBeenCalledOnce();
    expect(page.location.hash).toBe(written);
  });

  it('leaves a link that arrived while it encoded the run', async () => {
    const page = fakePage('#s=OLD&t=1');
    const writing = writeHashNow();
    page.location.hash = '#lesson=karpenter&step=2';
    expect(await writing).toBeNull();
    expect(page.replaceState).not.toHaveBeenCalled();
    expect(page.location.hash).toBe('#lesson=karpenter&step=2');
  });
});
