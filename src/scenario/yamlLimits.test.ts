import { describe, expect, it } from 'vitest';
import { checkYamlLimits, YAML_LIMITS } from './yamlLimits';
import { loadScenario } from './loadScenario';
import { formatError } from './errors';
import { VALID } from './testFixtures';
import { parseCommandLine } from './commandLine';
import { levenshteinWithin, suggestions } from './suggest';

/** Issue #12 item 6: 3,000-deep YAML was "internal error … Maximum call stack size exceeded" at 1:1. */
describe('YAML depth and size limits', () => {
  it('rejects 3,000-deep flow YAML with a located error', () => {
    const text = `${VALID}---\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    const r = loadScenario(text, 'deep.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = VALID.split('\n').length + 1;
    expect(formatError(r.errors[0])).toBe(`deep.yaml:${line}:${4 + YAML_LIMITS.maxDepth - 1}: YAML nesting is 101 levels deep here; the playground reads at most 100`);
  });
  it('rejects 300-deep block YAML at the line that goes too deep', () => {
    const deep = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const r = loadScenario(`${VALID}---\n${deep} 1\n`, 'deep.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].line).toBe(VALID.split('\n').length + 1 + YAML_LIMITS.maxDepth);
    expect(r.errors[0].message).toMatch(/nesting is 101 levels deep/);
  });
  it('rejects compact nested sequences', () => {
    expect(checkYamlLimits(`${'- '.repeat(200)}x\n`)?.message).toMatch(/101 levels/);
  });
  it('rejects an oversized file up front', () => {
    const r = loadScenario(`${VALID}# ${'x'.repeat(YAML_LIMITS.maxChars)}\n`, 'big.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatError(r.errors[0])).toMatch(/^big\.yaml:1:1: the file is 2,00\d,\d{3} characters; the playground reads at most 2,000,000$/);
  });
  it('accepts ordinary manifests, brackets in strings and comments', () => {
    expect(checkYamlLimits(VALID)).toBeNull();
    expect(checkYamlLimits(`a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\n`)).toBeNull();
  });
  it('guards kubectl apply -f - and kubectl patch too', () => {
    const apply = parseCommandLine('kubectl apply -f -', { stdin: `x: ${'['.repeat(3000)}${']'.repeat(3000)}` });
    expect(apply.ok).toBe(false);
    if (!apply.ok) expect(apply.error).toMatch(/line 1 column \d+: YAML nesting/);
    const patch = parseCommandLine(`kubectl patch hpa a -p '${'['.repeat(3000)}'`);
    expect(patch.ok).toBe(false);
  });
});

/** Issue #12 item 5: a 100,000-character instance type took 6–9 s (full Levenshtein against 1,352 types). */
describe('suggestions stop early', () => {
  it('gives up on inputs longer than any name at once', () => {
    expect(levenshteinWithin('a'.repeat(100_000), 'm5.large', 2)).toBe(3);
    expect(suggestions('m'.repeat(100_000), ['m5.large'])).toEqual([]);
  });
  it('agrees with the full distance within reach', () => {
    expect(levenshteinWithin('m5.lrage', 'm5.large', 2)).toBe(2);
    expect(levenshteinWithin('kitten', 'sitting', 5)).toBe(3);
    expect(levenshteinWithin('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(suggestions('replica', ['replicas', 'selector'])).toEqual(['replicas']);
    expect(suggestions('t3', ['t3.medium', 't3.large', 'm5.large'])).toEqual(['t3.large', 't3.medium']);
  });
  it('rejects a 100,000-character instance type with a located error', () => {
    const text = VALID.replace(/instanceType: [\w.]+/, `instanceType: ${'x'.repeat(100_000)}`);
    expect(text).not.toBe(VALID);
    const r = loadScenario(text, 'long.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatError(r.errors[0])).toMatch(/^long\.yaml:\d+:\d+: spec\.nodeGroups\[0\]\.instanceType: /);
  });
});
