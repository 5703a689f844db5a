// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import { advance, createSession } from '../../sim/session';
import { deployment, scenario } from '../../sim/testing/fixtures';
import type { LessonStep } from '../../lessons/types';
import { usePlayground } from '../../store/playgroundStore';
import { showMe } from './lessonRunner';

afterEach(() => usePlayground.setState({ session: null, terminal: [] }));

// Lesson 9's step 4 stops both load generators with one line; Show me deleted only the first, so
// the load went on and the step's check could never hold in the browser (the headless runner held).
it('Show me applies every name on a line, as the console does', async () => {
  const session = createSession(scenario(), [
    deployment('a', 1, '100m', '64Mi'),
    deployment('b', 1, '100m', '64Mi'),
    deployment('c', 1, '100m', '64Mi'),
  ]);
  advance(session, 1_000);
  usePlayground.setState({ session, terminal: [] });
  const step = { action: { run: ['kubectl delete deployment a b'] } } as unknown as LessonStep;
  await showMe(step);
  advance(session, 1_000);
  expect(
    [...session.world.deployments.values()]
      .filter((d) => d.namespace !== 'kube-system')
      .map((d) => d.name)
      .sort(),
  ).toEqual(['c']);
  expect(usePlayground.getState().terminal.at(-1)?.output).toBe(
    'deployment.apps "a" deleted\ndeployment.apps "b" deleted',
  );
});
