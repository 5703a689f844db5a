import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim/bootstrap';
import { applyCommand } from '../sim/commands/apply';
import { deployment, scenario } from '../sim/testing/fixtures';
import { parseCommandLine } from './commandLine';

function run(line: string): string {
  const world = createWorld(scenario({}), [deployment('php-apache', 1, '200m', '64Mi')]);
  const parsed = parseCommandLine(line);
  if (!parsed.ok) throw new Error(parsed.error);
  return applyCommand(world, parsed.command).output;
}

// kubectl ≥ 1.34 warns only for the deprecated flag (kubectl/pkg/cmd/autoscale/autoscale.go marks
// --cpu-percent deprecated); the issue saw the warning after `--cpu=50%` as well.
describe('kubectl autoscale output', () => {
  it('--cpu=50% prints no deprecation warning', () => {
    expect(run('kubectl autoscale deployment php-apache --cpu=50% --min=1 --max=10')).toBe('horizontalpodautoscaler.autoscaling/php-apache autoscaled');
  });
  it('--cpu-percent=50 still prints it', () => {
    expect(run('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10')).toMatch(/^Flag --cpu-percent has been deprecated/);
  });
});
