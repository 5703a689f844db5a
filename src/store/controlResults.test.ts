import { describe, expect, it } from 'vitest';
import { exampleSession, runTo } from '../sim/checks/testSessions';
import { createSession, issueCommand } from '../sim/session';
import type { Command } from '../sim/core/commands';
import { refusedInLog } from './controlResults';

const tooLow: Command = { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', min: 8, max: 3 };
const fine: Command = { type: 'setHpaBounds', name: 'php-apache', namespace: 'default', min: 2, max: 12 };

/** hpa-php-apache with a slider's refused patch (min above max) at 2:00 and an accepted one at 3:00. */
function liveRun() {
  const s = exampleSession('hpa-php-apache');
  runTo(s, 120);
  issueCommand(s, 'kubectl patch hpa php-apache min 8 max 3', tooLow);
  runTo(s, 180);
  issueCommand(s, 'kubectl patch hpa php-apache min 2 max 12', fine);
  runTo(s, 600);
  return s;
}

describe('refused control commands in the run log', () => {
  it('refusedInLog names the refused one with the API server’s answer, not the accepted one', () => {
    const s = liveRun();
    const refused = refusedInLog(s.world, s.log);
    expect(refused.map((r) => r.command.command)).toEqual([tooLow]);
    expect(refused[0].record.output).toContain('spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`');
    // A command not applied yet has no answer.
    const pending = exampleSession('hpa-php-apache');
    issueCommand(pending, 'kubectl patch hpa php-apache min 8 max 3', tooLow);
    expect(refusedInLog(pending.world, pending.log)).toEqual([]);
    runTo(pending, 2);
    expect(refusedInLog(pending.world, pending.log)).toHaveLength(1);
  });

  it('the refused command stays in the log: the link’s replay rebuilds the live world’s record of commands; without it, it would not', () => {
    const live = liveRun();
    const replay = createSession(live.spec, live.manifests, live.log);
    runTo(replay, 600);
    expect(replay.world.commands).toEqual(live.world.commands);
    expect(replay.history).toEqual(live.history);
    expect(refusedInLog(replay.world, replay.log).map((r) => r.command.input)).toEqual(['kubectl patch hpa php-apache min 8 max 3']);
    // Dropping it from the log leaves the samples as they were but not the world: why it is kept.
    const dropped = createSession(live.spec, live.manifests, live.log.filter((c) => c.command !== tooLow));
    runTo(dropped, 600);
    expect(dropped.history).toEqual(live.history);
    expect(dropped.world.commands).not.toEqual(live.world.commands);
  });
});
