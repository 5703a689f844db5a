import { describe, expect, it } from 'vitest';
import { localeT } from './messages';

describe('localeT, the tests’ en/ko pair', () => {
  it('reads each language from its own locale files', async () => {
    const { en, ko } = await localeT();
    expect(en('events.empty')).toBe('No events yet.');
    expect(ko('events.empty')).toMatch(/[\uac00-\ud7a3]/);
    expect(en('events.empty')).not.toBe(ko('events.empty'));
  });
  it('shows a key Korean lacks as the key, so a missing translation cannot pass as English', async () => {
    const { en, ko } = await localeT();
    expect(en('no.such.key')).toBe('no.such.key');
    expect(ko('no.such.key')).toBe('no.such.key');
  });
});
