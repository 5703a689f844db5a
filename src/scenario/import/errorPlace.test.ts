import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKubectlOutput, type ImportError } from './input';

/** Where the import sends a person to mend the paste: the line and column of the problem itself. */
const truncated = readFileSync(new URL('./fixtures/broken-truncated.yaml', import.meta.url), 'utf8');
const place = (text: string): Pick<ImportError, 'document' | 'line' | 'col'> & { key: string } => {
  const [e] = parseKubectlOutput(text).errors;
  return { document: e.document, line: e.line, col: e.col, key: e.msg.key };
};
const TRUNCATED = 'compare.import.error.truncatedList';

describe('a List cut off mid-way is placed where the text stops', () => {
  // The fixture ends on line 10905 with "    - name" (no newline): the text stops after column 10.
  it('in kubectl YAML (the fast reader)', () => {
    expect(place(truncated)).toEqual({ document: 1, line: 10905, col: 11, key: TRUNCATED });
  });
  it('with blank lines after the cut, at the last character, not at the blank lines', () => {
    expect(place(`${truncated}\n\n   \n`)).toEqual({ document: 1, line: 10905, col: 11, key: TRUNCATED });
  });
  it('in YAML only the full parser reads (an anchor), at the same place', () => {
    const withAnchor = truncated.replace('\n  spec:', '\n  spec: &s');
    expect(withAnchor).not.toBe(truncated);
    expect(place(withAnchor)).toEqual({ document: 1, line: 10905, col: 11, key: TRUNCATED });
  });
  it('in the second of three documents, at the end of that document', () => {
    const list = 'apiVersion: v1\nkind: List\nitems: []\n';
    expect(place(`${list}---\n${truncated}\n---\n${list}`)).toEqual({ document: 2, line: 4 + 10905, col: 11, key: TRUNCATED });
  });
  it('in JSON, at the end of the JSON', () => {
    expect(place('{\n  "apiVersion": "v1",\n  "items": [1, 2]\n}\n\n')).toEqual({ document: 1, line: 4, col: 2, key: TRUNCATED });
  });
});

describe('a list item without its dash is placed at the item, not at column 1', () => {
  const pod = (indent: string, dash: boolean, name: string) =>
    `${indent}${dash ? '- ' : '  '}apiVersion: v1\n${indent}  kind: Pod\n${indent}  metadata:\n${indent}    name: ${name}\n`;
  const list = (items: string) => `apiVersion: v1\nitems:\n${items}kind: List\n`;

  it('an item indented one column past the dashes: at its first key', () => {
    // Line 7 is "   apiVersion: v1": the dash is gone and the item sits at column 4 instead of 3.
    const text = list(`${pod('', true, 'a')}${pod(' ', false, 'b')}`);
    expect(text.split('\n')[6]).toBe('   apiVersion: v1');
    expect(place(text)).toEqual({ document: 1, line: 7, col: 4, key: 'compare.import.error.notYaml' });
  });
  it('after a blank line and a comment: on the item’s own line', () => {
    const text = list(`${pod('', true, 'a')}\n   # b\n${pod(' ', false, 'b')}`);
    expect(place(text)).toMatchObject({ line: 9, col: 4 });
  });
  it('an item at its dash’s column in a List indented by two (kubectl piped through a formatter)', () => {
    const text = list(`${pod('  ', true, 'a')}${pod('  ', false, 'b').replace(/^ {2}/, '')}`);
    expect(text.split('\n')[6]).toBe('  apiVersion: v1');
    expect(place(text)).toMatchObject({ line: 7, col: 3 });
  });
});
