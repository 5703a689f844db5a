import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePlayground } from './playgroundStore';
import { loadEngine } from './engine';
import { parseScenarioText } from '../app/scenarioLoading';
import { parseCommandLine } from '../scenario/commandLine';

/** Issue #12 item 8: `kubectl scale deployment a b --replicas=4` scaled only `a`. */
const base = readFileSync(join(import.meta.dirname, '../../examples/hpa-php-apache.yaml'), 'utf8');
const second = base.split(/^---$/m).find((d) => /kind: Deployment/.test(d))!.replace(/name: php-apache/g, 'name: web');

describe('kubectl scale with several names', () => {
  beforeAll(async () => {
    await loadEngine();
    const parsed = parseScenarioText(`${base}\n---${second}`, 'two.yaml');
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    usePlayground.getState().loadScenario(parsed.scenario);
  });
  it('scales every name the parser lists, logged once per name at the same instant', () => {
    const entry = usePlayground.getState().run('kubectl scale deployment php-apache web --replicas=4', parseCommandLine);
    expect(entry.ok).toBe(true);
    expect(entry.output).toBe('deployment.apps/php-apache scaled\ndeployment.apps/web scaled');
    const session = usePlayground.getState().session!;
    expect(session.log.map((c) => c.command)).toEqual([
      { type: 'scale', kind: 'deployment', name: 'php-apache', namespace: 'default', replicas: 4 },
      { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 4 },
    ]);
    usePlayground.getState().stepOnce();
    expect(session.world.deployments.get('php-apache')?.replicas).toBe(4);
    expect(session.world.deployments.get('web')?.replicas).toBe(4);
  });
  it('applies the names that exist and reports the missing one', () => {
    const entry = usePlayground.getState().run('kubectl scale deployment web nope --replicas=2', parseCommandLine);
    expect(entry.ok).toBe(false);
    expect(entry.output).toMatch(/^deployment\.apps\/web scaled\nError from server \(NotFound\): deployments\.apps "nope" not found$/);
    usePlayground.getState().stepOnce();
    expect(usePlayground.getState().session!.world.deployments.get('web')?.replicas).toBe(2);
  });
});
