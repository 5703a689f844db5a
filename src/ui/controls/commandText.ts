import type { Command } from '../../sim/core/commands';

/**
 * The command line a person would type for what a slider did, recorded as the command's input.
 * Where kubectl/aws has a form, it is the real one (so a share link carries it as text);
 * load has no kubectl form, so it is written as a playground pseudo-command.
 */
export function commandText(c: Command): string {
  switch (c.type) {
    case 'scale':
      return `kubectl scale --replicas=${c.replicas} ${c.kind.toLowerCase()}/${c.name}${c.namespace !== 'default' ? ` -n ${c.namespace}` : ''}`;
    case 'setLoad':
      if (c.rps !== undefined) return `playground load ${c.target} --rps=${c.rps}`;
      return `playground load ${c.target} --clients=${c.clients ?? 0}`;
    case 'setHpaBounds': {
      const spec: Record<string, unknown> = {};
      if (c.min !== undefined) spec.minReplicas = c.min;
      if (c.max !== undefined) spec.maxReplicas = c.max;
      if (c.targetCpu !== undefined) {
        spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: c.targetCpu } } }];
      }
      return `kubectl patch hpa ${c.name} --type=merge -p '${JSON.stringify({ spec })}'`;
    }
    case 'updateAsg': {
      const parts = [`aws autoscaling update-auto-scaling-group --auto-scaling-group-name ${c.name}`];
      if (c.minSize !== undefined) parts.push(`--min-size ${c.minSize}`);
      if (c.desiredCapacity !== undefined) parts.push(`--desired-capacity ${c.desiredCapacity}`);
      if (c.maxSize !== undefined) parts.push(`--max-size ${c.maxSize}`);
      return parts.join(' ');
    }
    case 'cordon':
    case 'uncordon':
      return `kubectl ${c.type} ${c.node}`;
    case 'killNode':
      return `playground fault node/${c.node}`;
    case 'interruptSpot':
      return `playground interrupt-spot node/${c.node}`;
    case 'zoneOutage':
      return `playground fault zone/${c.zone} --for=${c.durationMs / 1000}s`;
    case 'metricsServerOutage':
      return `playground fault metrics-server --for=${c.durationMs / 1000}s`;
    case 'capacityShortage':
      return `playground fault capacity/${c.instanceType}${c.zone ? ` --zone=${c.zone}` : ''} --for=${c.durationMs / 1000}s`;
    default:
      return `playground ${c.type}`;
  }
}
