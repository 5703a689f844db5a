import type { Service, World } from '../core/types';
import { goTabwriter, KUBECTL_DESCRIBE_TABWRITER } from '../autoscalers/hpa/kubectlFormat';
import { eventsFor } from '../views/events';
import { backendPorts, managesEndpoints, serviceBackends, LISTED_ENDPOINTS } from './serviceBackends';

/**
 * `kubectl describe service` as kubectl 1.33 prints it (pkg/describe/describe.go describeService):
 * one tabwriter block, each port with the ready endpoints of its EndpointSlice port
 * (formatEndpointSlices), and the API server's defaults for a single-stack IPv4 ClusterIP Service.
 */

/** labels.FormatLabels: sorted key=value pairs joined by commas, `<none>` when empty. */
function formatLabels(labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`);
  return pairs.length > 0 ? pairs.join(',') : '<none>';
}

/** printLabelsMultiline: the first pair on the title's line, each further pair on its own line in the value column. */
function labelLines(title: string, labels: Record<string, string>): string[] {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${labels[k]}`);
}

/**
 * formatEndpointSlices for one Service port: every ready endpoint of the slice ports with the
 * port's name, the first three listed, the rest counted. A Service the EndpointSlice controller
 * does not manage (no selector) has no slice: `<none>`. Its placeholder slice with no endpoints
 * prints nothing.
 */
function endpointsOfPort(world: World, svc: Service, portName: string): string {
  if (!managesEndpoints(svc)) return '<none>';
  const backends = serviceBackends(world, svc);
  const ports = backends.length > 0 ? backendPorts(svc) : [];
  const listed: string[] = [];
  let count = 0;
  for (const port of ports) {
    if (port.name !== portName) continue;
    for (const b of backends) {
      // An endpoint is ready when its pod is Ready and not terminating (endpointSliceKind's conditions).
      if (b.pod.readyConditionStatus !== 'True' || b.terminating) continue;
      if (listed.length < LISTED_ENDPOINTS) listed.push(`${b.pod.ip}:${port.port}`);
      count++;
    }
  }
  return count > LISTED_ENDPOINTS ? `${listed.join(',')} + ${count - LISTED_ENDPOINTS} more...` : listed.join(',');
}

export function describeService(world: World, svc: Service): string {
  const lines = [
    `Name:\t${svc.name}`,
    `Namespace:\t${svc.namespace}`,
    ...labelLines('Labels', svc.labels),
    'Annotations:\t<none>',
    `Selector:\t${formatLabels(svc.selector)}`,
    'Type:\tClusterIP',
    'IP Family Policy:\tSingleStack',
    'IP Families:\tIPv4',
    `IP:\t${svc.clusterIP}`,
    `IPs:\t${svc.clusterIP}`,
  ];
  for (const p of svc.portList) {
    lines.push(`Port:\t${p.name || '<unset>'}\t${p.port}/${p.protocol}`);
    lines.push(`TargetPort:\t${p.targetPort}/${p.protocol}`);
    lines.push(`Endpoints:\t${endpointsOfPort(world, svc, p.name)}`);
  }
  lines.push('Session Affinity:\tNone', 'Internal Traffic Policy:\tCluster');
  // DescribeEvents: "Events:\t<none>" stays in the block; a table starts its own after "Events:".
  const hasEvents = world.events.some((e) => e.kind === 'Service' && e.name === svc.name);
  if (!hasEvents) lines.push('Events:\t<none>');
  const block = goTabwriter(`${lines.join('\n')}\n`, KUBECTL_DESCRIBE_TABWRITER).replace(/\n$/, '');
  return hasEvents ? `${block}\n${eventsFor(world, 'Service', svc.name)}` : block;
}
