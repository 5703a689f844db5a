import type { LoadSpec, World } from '../core/types';

/** Which load (if any) sends traffic to each Deployment, through a Service of the load's name. */
export function loadByDeployment(world: World): Map<string, LoadSpec> {
  const out = new Map<string, LoadSpec>();
  for (const load of world.loads.values()) {
    const svc = world.services.get(load.target);
    if (!svc) {
      out.set(load.target, load);
      continue;
    }
    for (const d of world.deployments.values()) {
      const labels = d.template.labels;
      if (Object.entries(svc.selector).every(([k, v]) => labels[k] === v)) out.set(d.name, load);
    }
  }
  return out;
}
