import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRunHash, encodeRunHash } from '../app/share/shareLink';
import { commandText } from '../ui/controls/commandText';
import type { Command, TimedCommand } from '../sim/core/commands';
import { createSession } from '../sim/session';
import { runHash } from '../sim/testing/exampleHashes';
import { loadScenario } from './loadScenario';
import { formatError } from './errors';
import { parseCommandLine } from './commandLine';
import { scenarioWithCommands } from './timelineExport';

/**
 * Issue #12 item 9: Export → Scenario (YAML) left out the commands typed in the console and the
 * sliders' commands, so the exported file and the share link gave different runs.
 */
const text = readFileSync(new URL('../../examples/hpa-php-apache.yaml', import.meta.url), 'utf8');
const END_MS = 6 * 60_000;

function typed(atMs: number, line: string): TimedCommand[] {
  const parsed = parseCommandLine(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.commands.map((command) => ({ atMs, input: line, command }));
}
const slider = (atMs: number, command: Command): TimedCommand => ({ atMs, input: commandText(command), command });

/** A run as a person makes it: typed lines and slider moves, stamped as issueCommand stamps them (now + 1 ms). */
const log: TimedCommand[] = [
  ...typed(45_001, 'kubectl scale deployment php-apache --replicas=3'),
  slider(90_001, { type: 'setLoad', target: 'php-apache', clients: 3 }),
  slider(150_001, { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', max: 4 }),
  slider(200_001, { type: 'updateAsg', name: 'ng1', maxSize: 4 }),
  ...typed(240_001, 'aws autoscaling set-desired-capacity --auto-scaling-group-name ng1 --desired-capacity 4'),
];

function hashOf(scenario: string, commands: TimedCommand[], seed?: number): string {
  const loaded = loadScenario(scenario, 'x.yaml');
  if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
  const spec = seed === undefined ? loaded.spec : { ...loaded.spec, seed };
  const session = createSession(spec, loaded.manifests.map((m) => m.doc), commands);
  return runHash(session.world, END_MS);
}

describe('Export → Scenario (YAML) carries the run', () => {
  it("the exported file's run hash equals the share link's", () => {
    const link = decodeRunHash(encodeRunHash({ scenario: text, seed: 42, log, timeMs: END_MS }));
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.rejected).toEqual([]);
    const fromLink = hashOf(link.run.scenario, link.run.log, link.run.seed);
    const exported = scenarioWithCommands(text, 42, log);
    expect(hashOf(exported, [])).toBe(fromLink);
    // And the commands matter: without them the run differs (the test could fail).
    expect(hashOf(text, [], 42)).not.toBe(fromLink);
  });

  it('keeps comments, writes typed lines as run: and slider moves with their structured command', () => {
    const exported = scenarioWithCommands(text, 42, log);
    expect(exported).toContain(text.split('\n')[0]);
    expect(exported).toContain('seed: 42');
    expect(exported).toContain('- {at: 45s1ms, run: kubectl scale deployment php-apache --replicas=3}');
    expect(exported).toContain(`- {at: 2m30s1ms, run: "kubectl patch hpa php-apache --type=merge -p '{\\"spec\\":{\\"maxReplicas\\":4}}'"}`);
    expect(exported).toContain('- {at: 1m30s1ms, run: playground load php-apache --clients=3, command: {type: setLoad, target: php-apache, clients: 3}}');
    const loaded = loadScenario(exported, 'x.yaml');
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.spec.timeline.filter((c) => c.atMs % 1000 === 1)).toEqual(log);
  });

  it('a bad structured command in a file is an error at its line', () => {
    const bad = text.replace('  timeline:\n', '  timeline:\n    - {at: 1s, run: x, command: {type: setHpaBounds, name: p, namespace: default, targetCpu: 0}}\n');
    const r = loadScenario(bad, 'b.yaml');
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([expect.stringMatching(/^b\.yaml:\d+:\d+: spec\.timeline\[0\]\.command: command "setHpaBounds": targetCpu: /)]);
  });
});
