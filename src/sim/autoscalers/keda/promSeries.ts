/**
 * The playground's own Prometheus series, read from the world at query time: request rate and
 * latency of each loaded Service (as an ingress controller or the app would export them), queue
 * depth and age (as the CloudWatch exporter and the RabbitMQ exporter name them), and replica counts
 * (kube-state-metrics). The prometheus trigger's queries run over these (promql.ts).
 */
import type { World } from '../../core/types';
import { deploymentPods } from '../../resources/workloadKinds';
import type { PromSample, PromSeries } from './promql';
import type { QueueState } from './queueModel';

function push(series: PromSeries, name: string, sample: PromSample): void {
  (series[name] ??= []).push(sample);
}

export function worldPromSeries(world: World, queues: Readonly<Record<string, QueueState>>): PromSeries {
  const series: PromSeries = {
    http_requests_total: [],
    nginx_ingress_controller_requests: [],
    http_request_duration_seconds_bucket: [],
    queue_messages: [],
    queue_messages_visible: [],
    queue_messages_in_flight: [],
    queue_oldest_message_age_seconds: [],
    aws_sqs_approximate_number_of_messages_visible_average: [],
    aws_sqs_approximate_number_of_messages_not_visible_average: [],
    aws_sqs_approximate_age_of_oldest_message_average: [],
    rabbitmq_queue_messages: [],
    rabbitmq_queue_messages_ready: [],
    rabbitmq_queue_messages_unacked: [],
    kube_deployment_status_replicas_ready: [],
    kube_deployment_spec_replicas: [],
  };
  for (const [target, s] of [...world.loadStates].sort(([a], [b]) => a.localeCompare(b))) {
    // Requests are counted where they arrive (the Service / ingress), so a target at zero replicas
    // still shows its demand: what lets a request-rate trigger wake it up.
    const labels = { service: target, namespace: 'default' };
    push(series, 'http_requests_total', { labels, value: s.offeredRps, counter: true });
    push(series, 'nginx_ingress_controller_requests', { labels: { ...labels, ingress: target }, value: s.offeredRps, counter: true });
    push(series, 'http_request_duration_seconds_bucket', {
      labels,
      value: s.servedRps,
      counter: true,
      latency: { p50Seconds: s.p50LatencyMs / 1000, p95Seconds: s.p95LatencyMs / 1000 },
    });
  }
  for (const name of Object.keys(queues).sort()) {
    const q = queues[name];
    const labels = { queue: name, queue_name: name };
    push(series, 'queue_messages', { labels, value: q.visible + q.inFlight });
    push(series, 'queue_messages_visible', { labels, value: q.visible });
    push(series, 'queue_messages_in_flight', { labels, value: q.inFlight });
    push(series, 'queue_oldest_message_age_seconds', { labels, value: q.oldestAgeSeconds });
    if (q.spec.type === 'sqs') {
      push(series, 'aws_sqs_approximate_number_of_messages_visible_average', { labels, value: q.visible });
      push(series, 'aws_sqs_approximate_number_of_messages_not_visible_average', { labels, value: q.inFlight });
      push(series, 'aws_sqs_approximate_age_of_oldest_message_average', { labels, value: q.oldestAgeSeconds });
    } else {
      push(series, 'rabbitmq_queue_messages', { labels, value: q.visible + q.inFlight });
      push(series, 'rabbitmq_queue_messages_ready', { labels, value: q.visible });
      push(series, 'rabbitmq_queue_messages_unacked', { labels, value: q.inFlight });
    }
  }
  for (const d of [...world.deployments.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const labels = { deployment: d.name, namespace: d.namespace };
    push(series, 'kube_deployment_spec_replicas', { labels, value: d.replicas });
    push(series, 'kube_deployment_status_replicas_ready', { labels, value: deploymentPods(world, d).filter((p) => p.state === 'Ready').length });
  }
  return series;
}
