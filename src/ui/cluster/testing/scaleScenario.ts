import type { ManifestDoc } from '../../../sim/core/commands';
import type { ScenarioSpec } from '../../../sim/core/scenario';
import { deployment, nodeGroup, scenario } from '../../../sim/testing/fixtures';

/**
 * A big static cluster for performance checks of the grid: `nodes` m5.xlarge nodes and about
 * `pods` pods spread over `deployments` Deployments (the same shape as the engine's bench).
 */
export function scaleScenario(nodes = 200, pods = 5000, deployments = 50): { spec: ScenarioSpec; manifests: ManifestDoc[] } {
  const perDeployment = Math.ceil(pods / deployments);
  const manifests = Array.from({ length: deployments }, (_, i) => deployment(`app-${i}`, perDeployment, '100m', '128Mi'));
  const spec = scenario({
    name: `grid-${nodes}-${pods}`,
    nodeGroups: [nodeGroup({ instanceTypes: ['m5.xlarge'], minSize: nodes, maxSize: nodes, desiredCapacity: nodes })],
  });
  return { spec, manifests };
}
