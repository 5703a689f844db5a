import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeRunHash, encodeRunHash } from './shareLink';
import { encodeShareHash } from '../../scenario/urlCodec';
import { en, ko } from '../../testing/messages';

/**
 * A link's problems reach the banner as Messages (translated), and the English template says
 * exactly what the English error text says (the CLI, the fuzzer and the logs read that one).
 */
const text = readFileSync(join(import.meta.dirname, '../../../examples/hpa-php-apache.yaml'), 'utf8');
const hangul = /[\uac00-\ud7a3]/;

describe('share-link problems as messages', () => {
  it('left-out commands: English message = English text; Korean keeps the located prefix and the command', () => {
    const hash = encodeShareHash({
      scenario: text,
      seed: 1,
      commands: [
        { atMs: 1000, input: 'kubectl scale deployment php-apache --replicas=2' },
        { atMs: 2000, input: 'kubectl scael deployment php-apache --replicas=3' },
      ],
    });
    const x = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, c: [5, { atMs: -1, input: 'a', command: {} }, { atMs: 3000, input: 'y', command: { type: 'semsLoad' } }] }));
    const r = decodeRunHash(`${hash}&t=5000&x=${x}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rejected).toHaveLength(4);
    expect(r.rejectedMsgs.map(en)).toEqual(r.rejected);
    const first = ko(r.rejectedMsgs[0]);
    expect(first).toMatch(/^s= 명령 2\(2000 ms\) \(kubectl scael deployment php-apache --replicas=3\): /);
    expect(ko(r.rejectedMsgs[1])).toMatch(/^x= 명령 1: 명령이 아닙니다$/);
    expect(ko(r.rejectedMsgs[2])).toMatch(hangul);
  });

  it('a left-out command refused by the playground’s own checks reads as a Korean sentence around the JSON field names', () => {
    const hash = encodeShareHash({ scenario: text, seed: 1, commands: [{ atMs: 1000, input: 'kubectl scale deployment php-apache --replicas=999999' }] });
    const bad = { type: 'scale', kind: 'Deployment', name: 'php-apache', namespace: 'default', replicas: 999_999 };
    const x = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, c: [{ atMs: 3000, input: 'y', command: { type: 'semsLoad' } }, { atMs: 4000, input: 'z', command: bad }] }));
    const r = decodeRunHash(`${hash}&t=5000&x=${x}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rejectedMsgs.map(en)).toEqual(r.rejected);
    expect(r.rejected).toEqual([
      's= command 1 at 1000 ms (kubectl scale deployment php-apache --replicas=999999): error: --replicas=999999 is more than the playground simulates (at most 150,000 pods)',
      'x= command 1 at 3000 ms: command "semsLoad": type: unknown command type (did you mean "setLoad"?)',
      'x= command 2 at 4000 ms: command "scale": replicas: is more than the playground simulates (150,000 pods) (got 999999)',
    ]);
    expect(r.rejectedMsgs.map(ko)).toEqual([
      's= 명령 1(1000 ms) (kubectl scale deployment php-apache --replicas=999999): 오류: --replicas=999999: 플레이그라운드는 파드를 최대 150,000개까지 시뮬레이션합니다',
      'x= 명령 1(3000 ms): 명령 "semsLoad"의 type: 알 수 없는 명령 종류입니다 ("setLoad"을(를) 쓰려고 했나요?)',
      'x= 명령 2(4000 ms): 명령 "scale"의 replicas: 플레이그라운드가 시뮬레이션하는 한도(파드 150,000개)를 넘습니다 (받은 값: 999999)',
    ]);
  });

  it('a link that cannot be opened: English message = English text, Korean in Korean', () => {
    const good = encodeRunHash({ scenario: text, seed: 1, log: [], timeMs: 0 }).replace(/&t=\d+/, '');
    const cases = ['#s=', '#s=@@@@', `${good}&t=abc`, `${good}&t=${1e15}`, `${good}&x=${LZString.compressToEncodedURIComponent(JSON.stringify({ v: 99, c: [] }))}`];
    for (const hash of cases) {
      const r = decodeRunHash(hash);
      expect(r.ok, hash).toBe(false);
      if (r.ok) continue;
      expect(en(r.msg)).toBe(r.message);
      expect(ko(r.msg)).toMatch(hangul);
    }
  });
});

describe('compare-link problems as messages', () => {
  it('English message = English text; Korean in Korean', async () => {
    const { decodeCompareParam } = await import('./compareParam');
    const known = { presets: ['karpenter', 'spot'], examples: ['php-apache'] };
    for (const v of ['preset:nope', 'example:nope', 'file:/etc/passwd', 'yaml:%%%', 'yaml:AAAA', `yaml:${'A'.repeat(400_001)}`]) {
      const r = decodeCompareParam(v, known);
      expect(r.ok, v).toBe(false);
      if (r.ok) continue;
      expect(en(r.msg)).toBe(r.error);
      expect(ko(r.msg)).toMatch(hangul);
    }
  });
});
