/**
 * Writes the cluster-import fixtures (src/scenario/import/fixtures/) in the shape kubectl prints:
 * a 3-managed-node-group EKS cluster with a Karpenter NodePool, ~60 workloads, HPAs, DaemonSets,
 * kube-system pods and ~300 pods; its `kubectl top pods -A`; and a large variant for the import
 * speed figure. Deterministic (no clock, no Math.random): run `npx tsx scripts/make-import-fixture.ts`.
 * With `--pods N --out FILE` it writes only a big List of about N pods (for measuring).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
const suffix = () => Array.from({ length: 5 }, () => 'bcdfghjklmnpqrstvwxz2456789'[Math.floor(rand() * 26)]).join('');
const uid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
const created = (d: number) => `2026-11-${String(1 + (d % 28)).padStart(2, '0')}T0${d % 10}:1${d % 6}:2${d % 10}Z`;
const REGION = 'ap-northeast-2';
const ZONES = ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c'];
const CLUSTER = 'shop-prod';

type Obj = Record<string, unknown>;

function node(group: string | null, pool: string | null, type: string, capacity: 'ON_DEMAND' | 'SPOT', i: number, extraLabels: Obj = {}, taints: Obj[] = []): Obj {
  const zone = ZONES[i % 3];
  const ip = `192-168-${32 + ((i * 37) % 64)}-${10 + ((i * 53) % 240)}`;
  const name = `ip-${ip}.${REGION}.compute.internal`;
  const labels: Obj = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': type,
    'beta.kubernetes.io/os': 'linux',
    'failure-domain.beta.kubernetes.io/region': REGION,
    'failure-domain.beta.kubernetes.io/zone': zone,
    'k8s.io/cloud-provider-aws': hex(32),
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': type,
    'topology.ebs.csi.aws.com/zone': zone,
    'topology.kubernetes.io/region': REGION,
    'topology.kubernetes.io/zone': zone,
    ...extraLabels,
  };
  if (group) Object.assign(labels, { 'eks.amazonaws.com/capacityType': capacity, 'eks.amazonaws.com/nodegroup': group, 'eks.amazonaws.com/nodegroup-image': `ami-0${hex(16)}`, 'eks.amazonaws.com/sourceLaunchTemplateId': `lt-0${hex(16)}`, 'eks.amazonaws.com/sourceLaunchTemplateVersion': '1' });
  if (pool) Object.assign(labels, { 'karpenter.sh/nodepool': pool, 'karpenter.sh/capacity-type': capacity === 'SPOT' ? 'spot' : 'on-demand', 'karpenter.k8s.aws/instance-category': type[0], 'karpenter.sh/initialized': 'true', 'karpenter.sh/registered': 'true' });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: { 'alpha.kubernetes.io/provided-node-ip': ip.replace(/-/g, '.'), 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
      creationTimestamp: created(i),
      labels,
      name,
      resourceVersion: String(100000 + i * 97),
      uid: uid(),
    },
    spec: { providerID: `aws:///${zone}/i-0${hex(16)}`, ...(taints.length > 0 ? { taints } : {}) },
    status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }], nodeInfo: { kubeletVersion: 'v1.33.5-eks-113cf36', osImage: 'Amazon Linux 2023.9.20251020', containerRuntimeVersion: 'containerd://1.7.27' } },
  };
}

interface Workload {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  ns: string;
  name: string;
  replicas: number;
  cpu: string;
  memory: string;
  image: string;
  hpa?: { min: number; max: number; cpu: number };
  extraSpec?: Obj;
  command?: string[];
  annotations?: Obj;
}

function podTemplate(w: Workload): Obj {
  const container: Obj = {
    name: w.name.split('-')[0],
    image: w.image,
    imagePullPolicy: 'IfNotPresent',
    env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${w.name}-db`, key: 'password' } } }],
    ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
    resources: { requests: { cpu: w.cpu, memory: w.memory }, limits: { memory: w.memory } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [{ mountPath: '/etc/config', name: 'config' }],
  };
  if (w.command) container.command = w.command;
  return {
    metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-20T10:00:00Z', ...(w.annotations ?? {}) }, labels: { app: w.name, 'app.kubernetes.io/part-of': w.ns } },
    spec: {
      containers: [container],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccountName: w.name,
      terminationGracePeriodSeconds: 30,
      volumes: [{ name: 'config', configMap: { name: `${w.name}-config` } }],
      ...(w.extraSpec ?? {}),
    },
  };
}

function workloadObject(w: Workload, i: number): Obj {
  const meta = { annotations: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': `{"apiVersion":"apps/v1","kind":"${w.kind}","metadata":{"name":"${w.name}","namespace":"${w.ns}"}}\n`, 'meta.helm.sh/release-name': w.name }, creationTimestamp: created(i), generation: 3, labels: { app: w.name, 'app.kubernetes.io/managed-by': 'Helm' }, name: w.name, namespace: w.ns, resourceVersion: String(200000 + i * 31), uid: uid() };
  const spec: Obj = { selector: { matchLabels: { app: w.name } }, template: podTemplate(w) };
  if (w.kind === 'Deployment') Object.assign(spec, { replicas: w.replicas, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });
  if (w.kind === 'StatefulSet') Object.assign(spec, { replicas: w.replicas, serviceName: w.name, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } });
  if (w.kind === 'DaemonSet') Object.assign(spec, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } });
  const status = w.kind === 'DaemonSet' ? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberReady: 0 } : { replicas: w.replicas, readyReplicas: w.replicas, availableReplicas: w.replicas, observedGeneration: 3 };
  return { apiVersion: 'apps/v1', kind: w.kind, metadata: meta, spec, status };
}

function hpaObject(w: Workload, i: number): Obj {
  const h = w.hpa!;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { creationTimestamp: created(i), name: w.name, namespace: w.ns, resourceVersion: String(300000 + i), uid: uid() },
    spec: { maxReplicas: h.max, minReplicas: h.min, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: h.cpu } } }], scaleTargetRef: { apiVersion: 'apps/v1', kind: w.kind, name: w.name } },
    status: { currentReplicas: w.replicas, desiredReplicas: w.replicas, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: h.cpu - 10, averageValue: '120m' } } }] },
  };
}

function pods(w: Workload, nodes: Obj[], count: number, i: number): Obj[] {
  const hash = hex(10).replace(/[ae]/g, 'b').slice(0, 10);
  return Array.from({ length: count }, (_, k) => {
    const nodeName = String((pick(nodes).metadata as Obj).name);
    const name = w.kind === 'Deployment' ? `${w.name}-${hash}-${suffix()}` : w.kind === 'StatefulSet' ? `${w.name}-${k}` : `${w.name}-${suffix()}`;
    const owner = w.kind === 'Deployment' ? { kind: 'ReplicaSet', name: `${w.name}-${hash}` } : { kind: w.kind, name: w.name };
    const template = podTemplate(w);
    const labels = { ...((template.metadata as Obj).labels as Obj), ...(w.kind === 'Deployment' ? { 'pod-template-hash': hash } : {}) };
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: created(i + k), generateName: `${w.name}-`, labels, name, namespace: w.ns, ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, ...owner, uid: uid() }], resourceVersion: String(400000 + i * 50 + k), uid: uid() },
      spec: { ...(template.spec as Obj), nodeName },
      status: { phase: 'Running', podIP: `192.168.${(i * 7) % 250}.${(k * 13) % 250}`, qosClass: 'Burstable', conditions: [{ type: 'Ready', status: 'True' }] },
    };
  });
}

export function buildCluster(scale = 1): { list: Obj; extras: Obj; top: string } {
  seed = 42;
  const nodes: Obj[] = [];
  for (let i = 0; i < 3 * scale; i++) nodes.push(node('system', null, 'm5.large', 'ON_DEMAND', i, { role: 'system' }, [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'NoSchedule' }]));
  for (let i = 0; i < 6 * scale; i++) nodes.push(node('general', null, 'm5.xlarge', 'ON_DEMAND', 10 + i, { role: 'general' }));
  for (let i = 0; i < 4 * scale; i++) nodes.push(node('batch-spot', null, pick(['c5.xlarge', 'c5a.xlarge']), 'SPOT', 30 + i, { role: 'batch' }, [{ key: 'spot', value: 'true', effect: 'NoSchedule' }]));
  for (let i = 0; i < 3 * scale; i++) nodes.push(node(null, 'default', pick(['m5.large', 'c5.large', 'm6i.large']), 'SPOT', 50 + i));
  const system = nodes.slice(0, 3 * scale);
  const general = nodes.slice(3 * scale, 9 * scale);
  const batch = nodes.slice(9 * scale, 13 * scale);
  const tolerateCritical = { tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }], nodeSelector: { role: 'system' } };
  const workloads: Workload[] = [
    { kind: 'DaemonSet', ns: 'kube-system', name: 'aws-node', replicas: 0, cpu: '25m', memory: '40Mi', image: '602401143452.dkr.ecr.ap-northeast-2.amazonaws.com/amazon-k8s-cni:v1.20.4-eksbuild.1', extraSpec: { tolerations: [{ operator: 'Exists' }], priorityClassName: 'system-node-critical' } },
    { kind: 'DaemonSet', ns: 'kube-system', name: 'kube-proxy', replicas: 0, cpu: '100m', memory: '32Mi', image: '602401143452.dkr.ecr.ap-northeast-2.amazonaws.com/eks/kube-proxy:v1.33.5-minimal-eksbuild.2', extraSpec: { tolerations: [{ operator: 'Exists' }], priorityClassName: 'system-node-critical' } },
    { kind: 'DaemonSet', ns: 'kube-system', name: 'ebs-csi-node', replicas: 0, cpu: '10m', memory: '40Mi', image: 'public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.48.0', extraSpec: { tolerations: [{ operator: 'Exists' }] } },
    { kind: 'DaemonSet', ns: 'logging', name: 'fluent-bit', replicas: 0, cpu: '50m', memory: '64Mi', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.5', extraSpec: { tolerations: [{ operator: 'Exists' }] } },
    { kind: 'Deployment', ns: 'kube-system', name: 'coredns', replicas: 2, cpu: '100m', memory: '70Mi', image: '602401143452.dkr.ecr.ap-northeast-2.amazonaws.com/eks/coredns:v1.12.3-eksbuild.1', extraSpec: tolerateCritical },
    { kind: 'Deployment', ns: 'kube-system', name: 'metrics-server', replicas: 1, cpu: '100m', memory: '200Mi', image: 'registry.k8s.io/metrics-server/metrics-server:v0.8.0', extraSpec: tolerateCritical },
    { kind: 'Deployment', ns: 'kube-system', name: 'cluster-autoscaler', replicas: 1, cpu: '100m', memory: '600Mi', image: 'registry.k8s.io/autoscaling/cluster-autoscaler:v1.33.0', annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' }, command: ['./cluster-autoscaler', '--v=4', '--cloud-provider=aws', '--expander=least-waste', '--skip-nodes-with-local-storage=false', `--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/${CLUSTER}`], extraSpec: { ...tolerateCritical, priorityClassName: 'system-cluster-critical' } },
    { kind: 'Deployment', ns: 'kube-system', name: 'karpenter', replicas: 2, cpu: '500m', memory: '512Mi', image: 'public.ecr.aws/karpenter/controller:1.8.1', extraSpec: tolerateCritical },
    { kind: 'Deployment', ns: 'kube-system', name: 'keda-operator', replicas: 1, cpu: '100m', memory: '100Mi', image: 'ghcr.io/kedacore/keda:2.18.0', extraSpec: tolerateCritical },
    { kind: 'StatefulSet', ns: 'data', name: 'redis', replicas: 3, cpu: '250m', memory: '512Mi', image: 'redis:7.4' },
    { kind: 'StatefulSet', ns: 'data', name: 'kafka', replicas: 3, cpu: '500m', memory: '2Gi', image: 'bitnami/kafka:3.9' },
    { kind: 'StatefulSet', ns: 'monitoring', name: 'prometheus', replicas: 1, cpu: '500m', memory: '2Gi', image: 'quay.io/prometheus/prometheus:v3.7.0' },
    { kind: 'Deployment', ns: 'monitoring', name: 'grafana', replicas: 1, cpu: '100m', memory: '256Mi', image: 'grafana/grafana:12.2.0' },
    { kind: 'Deployment', ns: 'batch', name: 'report-worker', replicas: 4, cpu: '1', memory: '1Gi', image: 'shop/report-worker:2.3.1', extraSpec: { tolerations: [{ key: 'spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' }], nodeSelector: { role: 'batch' } } },
    { kind: 'Deployment', ns: 'batch', name: 'image-resizer', replicas: 3, cpu: '500m', memory: '512Mi', image: 'shop/image-resizer:1.9.0', extraSpec: { tolerations: [{ key: 'spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' }], nodeSelector: { role: 'batch' } } },
  ];
  const services = ['cart', 'catalog', 'checkout', 'payment', 'search', 'recommend', 'user', 'auth', 'inventory', 'shipping', 'pricing', 'review', 'notify', 'email', 'sms', 'coupon', 'wishlist', 'order', 'invoice', 'ledger', 'fraud', 'ads', 'banner', 'feed', 'media', 'geo', 'tax', 'currency', 'session', 'profile', 'loyalty', 'gift', 'returns', 'support', 'chat', 'faq', 'cms', 'sitemap', 'seo', 'gateway', 'bff-web', 'bff-mobile', 'graphql', 'webhook', 'audit'];
  services.forEach((s, k) => {
    const replicas = 2 + (k % 5);
    const cpu = pick(['100m', '200m', '250m', '500m']);
    workloads.push({
      kind: 'Deployment',
      ns: k % 3 === 0 ? 'shop' : k % 3 === 1 ? 'platform' : 'web',
      name: s,
      replicas,
      cpu,
      memory: pick(['128Mi', '256Mi', '512Mi']),
      image: `123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/shop/${s}:v${1 + (k % 4)}.${k % 10}.0`,
      hpa: k % 2 === 0 || k < 10 ? { min: 2, max: 10 + (k % 3) * 5, cpu: pick([60, 70, 80]) } : undefined,
      extraSpec: k % 4 === 0 ? { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: s } } }] } : k % 7 === 0 ? { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: s } } } }] } } } : undefined,
    });
  });
  const items: Obj[] = [...nodes];
  const allPods: Obj[] = [];
  workloads.forEach((w, i) => {
    items.push(workloadObject(w, i));
    const placement = w.ns === 'kube-system' && w.kind === 'Deployment' ? system : w.ns === 'batch' ? batch : general;
    if (w.kind === 'DaemonSet') {
      // One pod per node, as the DaemonSet controller places them.
      nodes.forEach((n, k) => allPods.push(...pods(w, [n], 1, i * 100 + k)));
    } else {
      allPods.push(...pods(w, placement, w.replicas * scale, i));
    }
  });
  workloads.forEach((w, i) => {
    if (w.hpa) items.push(hpaObject(w, i));
  });
  // A Job's pod and a bare pod somebody started by hand.
  allPods.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nightly-export-29361440-x2k9p', namespace: 'batch', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'nightly-export-29361440', controller: true, uid: uid() }] }, spec: { containers: [{ name: 'export', image: 'shop/export:1.0', resources: { requests: { cpu: '500m', memory: '1Gi' } } }], nodeName: String((general[0].metadata as Obj).name), restartPolicy: 'Never' }, status: { phase: 'Running' } });
  allPods.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug-shell', namespace: 'default' }, spec: { containers: [{ name: 'shell', image: 'busybox:1.36', command: ['sleep', '3600'], resources: { requests: { cpu: '50m', memory: '32Mi' } } }], nodeName: String((general[1].metadata as Obj).name) }, status: { phase: 'Running' } });
  items.push(...allPods);
  const list = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  const extras = {
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion: '' },
    items: [
      { apiVersion: 'karpenter.sh/v1', kind: 'NodePool', metadata: { name: 'default', annotations: { 'karpenter.sh/nodepool-hash': '6826389034843410712', 'karpenter.sh/nodepool-hash-version': 'v3' } }, spec: { template: { spec: { nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'default' }, requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] }, { key: 'karpenter.k8s.aws/instance-category', operator: 'In', values: ['c', 'm'] }, { key: 'karpenter.k8s.aws/instance-generation', operator: 'Gt', values: ['4'] }, { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }], expireAfter: '720h' } }, limits: { cpu: 64, memory: '256Gi' }, disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' } }, status: { resources: { cpu: '6', memory: '24Gi', nodes: '3' } } },
      { apiVersion: 'karpenter.k8s.aws/v1', kind: 'EC2NodeClass', metadata: { name: 'default' }, spec: { amiSelectorTerms: [{ alias: 'al2023@latest' }], role: `KarpenterNodeRole-${CLUSTER}`, subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': CLUSTER } }], securityGroupSelectorTerms: [{ tags: { 'karpenter.sh/discovery': CLUSTER } }] } },
      { apiVersion: 'autoscaling.k8s.io/v1', kind: 'VerticalPodAutoscaler', metadata: { name: 'grafana', namespace: 'monitoring' }, spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'grafana' }, updatePolicy: { updateMode: 'Off' } } },
      { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'report-worker', namespace: 'batch' }, spec: { scaleTargetRef: { name: 'report-worker' }, minReplicaCount: 1, maxReplicaCount: 20, triggers: [{ type: 'cron', metadata: { timezone: 'Asia/Seoul', start: '0 9 * * *', end: '0 18 * * *', desiredReplicas: '8' } }] } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'payment-db', namespace: 'shop' }, type: 'Opaque', data: { password: 'c2VjcmV0LXBhc3N3b3Jk' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cart-config', namespace: 'shop' }, data: { 'app.yaml': 'featureFlags:\n  newCheckout: true\n' } },
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'kafka', namespace: 'data' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'kafka' } } } },
    ],
  };
  const topLines = ['NAMESPACE     NAME                                   CPU(cores)   MEMORY(bytes)'];
  for (const p of allPods) {
    const m = p.metadata as Obj;
    const cpu = m.namespace === 'kube-system' ? 3 + Math.floor(rand() * 20) : 20 + Math.floor(rand() * 180);
    topLines.push(`${String(m.namespace).padEnd(13)} ${String(m.name).padEnd(38)} ${`${cpu}m`.padEnd(12)} ${40 + Math.floor(rand() * 400)}Mi`);
  }
  return { list, extras, top: `${topLines.join('\n')}\n` };
}

const args = parseArgs({ options: { pods: { type: 'string' }, out: { type: 'string' } } }).values;
if (args.pods && args.out) {
  // About 240 pods per unit of scale.
  const scale = Math.max(1, Math.round(Number(args.pods) / 240));
  writeFileSync(args.out, stringify(buildCluster(scale).list, { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: false }));
} else {
  const dir = 'src/scenario/import/fixtures';
  const { list, extras, top } = buildCluster();
  writeFileSync(`${dir}/cluster.yaml`, stringify(list, { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: false }));
  writeFileSync(`${dir}/cluster-extras.yaml`, stringify(extras, { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: false }));
  writeFileSync(`${dir}/top-pods.txt`, top);
}
