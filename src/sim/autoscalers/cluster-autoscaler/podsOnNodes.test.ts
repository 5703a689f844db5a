import { describe, expect, it } from 'vitest';
import { podsByNode } from './fit';
import { podsOnNodes } from './podsOnNodes';
import type { CaPod } from './types';

const pod = (name: string, nodeName?: string): CaPod => ({ name, namespace: 'default', requests: { cpuMillis: 100, memoryMiB: 64 }, nodeName });

describe('bound pods grouped by node, refilled from the last grouping (podsOnNodes.ts)', () => {
  it('groups as podsByNode does, keeps the lists of nodes whose pods are the same, and a new generation for new views', () => {
    const a = [pod('a1', 'n1'), pod('b1', 'n2'), pod('a2', 'n1'), pod('c1', 'n3'), pod('x')];
    const first = podsOnNodes(a);
    expect([...first.byNode]).toEqual([...podsByNode(a)]);
    // The same views in a new list: the very same grouping.
    expect(podsOnNodes(a.slice())).toBe(first);
    // n1 loses its last pod, n2 gains one, n3 loses its only pod, n4 appears.
    const b = [a[0], a[1], pod('d1', 'n4'), pod('b2', 'n2')];
    const second = podsOnNodes(b);
    expect([...second.byNode]).toEqual([...podsByNode(b)]);
    expect(second.generation).not.toBe(first.generation);
    // n2's first pod is still first, but it has another: a new list; n1's is cut short.
    expect(second.byNode.get('n2')).not.toBe(first.byNode.get('n2'));
    // Only n4 changes now: the other lists are kept.
    const c = [a[0], a[1], pod('d2', 'n4'), b[3]];
    const third = podsOnNodes(c);
    expect([...third.byNode]).toEqual([...podsByNode(c)]);
    expect(third.byNode.get('n1')).toBe(second.byNode.get('n1'));
    expect(third.byNode.get('n2')).toBe(second.byNode.get('n2'));
    expect(third.byNode.get('n4')).not.toBe(second.byNode.get('n4'));
    // A node that lost its pods and gets one back.
    const d = [...c, pod('c2', 'n3')];
    expect([...podsOnNodes(d).byNode]).toEqual([...podsByNode(d)]);
  });

  it('finds the same grouping when more pods leave in a row than it looks ahead for, or a view is replaced', () => {
    const many = Array.from({ length: 40 }, (_, k) => pod(`p${k}`, k < 30 ? `m${k % 2}` : 'm2'));
    const first = podsOnNodes(many);
    // Twenty pods of m0 and m1 leave, one of m2 gets a new view.
    const fewer = [...many.slice(0, 5), ...many.slice(25, 33), pod('p33', 'm2'), ...many.slice(34)];
    const second = podsOnNodes(fewer);
    expect([...second.byNode]).toEqual([...podsByNode(fewer)]);
    expect(second.byNode.get('m2')).not.toBe(first.byNode.get('m2'));
    // The same pods once more, in a new list: the very grouping.
    expect(podsOnNodes(fewer.slice())).toBe(second);
  });
});
