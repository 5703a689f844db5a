import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParseAll, Unsupported } from './fastYaml';

// Empty documents are skipped by both readers' callers; fastParseAll leaves them out.
const full = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown).filter((v) => v !== null && v !== undefined);

describe('fastParseAll reads kubectl YAML exactly as the yaml library does', () => {
  it('on the fixture cluster', () => {
    const text = readFileSync(new URL('./fixtures/cluster.yaml', import.meta.url), 'utf8');
    expect(fastParseAll(text)).toEqual(full(text));
  });

  it('on the shapes go-yaml prints', () => {
    const cases = [
      'a: 1\nb: "2"\nc: \'it\'\'s\'\nd: true\ne: null\nf: ~\ng: 1.5\nh: 2026-11-01T00:10:20Z\ni: {}\nj: []\n',
      'items:\n- a: 1\n  b:\n  - x\n  - y\n- c: 2\n',
      'items:\n  - a: 1\n    b:\n      - x\n',
      'k: |\n  {"apiVersion":"apps/v1"}\n\n  second\nl: |-\n  kept\n  lines\nm: >\n  folded\n  text\n',
      'long: this is a long plain string that go-yaml\n  wrapped onto a second line\nnext: 1\n',
      '- - nested\n  - seq\n- -1\n',
      'a: 1 # comment\n# full-line comment\nb: "x # not a comment"\n',
      'a: 1\n---\nb: 2\n---\n',
      '"quoted key": 1\n\'single\': 2\nkubernetes.io/os: linux\n',
      'cmd:\n- --flag=a,b\n- ./cluster-autoscaler\n- "--v=4"\n',
    ];
    for (const c of cases) expect({ c, v: fastParseAll(c) }).toEqual({ c, v: full(c) });
  });

  it('declines what it does not read, so the caller uses the full parser', () => {
    for (const c of ['a: &x 1\nb: *x\n', 'a: {b: 1}\n', 'a: [1, 2]\n', 'a: !!str 1\n', 'a: "multi\n  line"\n', '%YAML 1.2\n---\na: 1\n']) {
      expect(() => fastParseAll(c)).toThrow(Unsupported);
    }
  });
});
