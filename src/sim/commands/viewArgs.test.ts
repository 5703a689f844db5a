import { describe, expect, it } from 'vitest';
import { argValue, readViewArgs } from './viewArgs';

describe('readViewArgs', () => {
  it('expands short flags to their long names', () => {
    const v = readViewArgs(['kubectl', 'get', 'pods', '-n', 'kube-system', '-o=wide']);
    expect(argValue(v, 'namespace')).toBe('kube-system');
    expect(argValue(v, 'output')).toBe('wide');
  });
  it("keeps a flag named like an Object.prototype key as written (no prototype function for a name)", () => {
    const v = readViewArgs(['kubectl', 'get', 'pods', '-constructor=1']);
    expect([...v.values.keys()]).toEqual(['constructor']);
  });
});
