import type { ManifestDoc } from '../core/commands';

/**
 * What every EKS cluster runs before anyone deploys anything: the VPC CNI (aws-node) and kube-proxy
 * DaemonSets, two CoreDNS replicas and their kube-dns Service, and the `kubernetes` Service, with the requests EKS's managed add-ons set (aws-node 25m
 * CPU; kube-proxy 100m CPU; coredns 100m CPU / 70Mi, memory limit 170Mi). They consume allocatable
 * on every node, which is why a t3.medium holds three 500m pods, not three and a half.
 */
const systemTolerations = [{ operator: 'Exists' }];

/** The kubelet version the playground models: an EKS 1.33 AL2023 node (kubectl get nodes VERSION). */
export const KUBELET_VERSION = 'v1.33.5-eks-113cf36';

export const EKS_SYSTEM_MANIFESTS: ManifestDoc[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'aws-node', namespace: 'kube-system' },
    spec: {
      template: {
        metadata: { labels: { 'k8s-app': 'aws-node' } },
        spec: {
          priorityClassName: 'system-node-critical',
          tolerations: systemTolerations,
          containers: [
            {
              name: 'aws-node',
              image: '602401143452.dkr.ecr.ap-northeast-2.amazonaws.com/amazon-k8s-cni:v1.20.4-eksbuild.1',
              resources: { requests: { cpu: '25m' } },
            },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system' },
    spec: {
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          priorityClassName: 'system-node-critical',
          tolerations: systemTolerations,
          containers: [
            {
              name: 'kube-proxy',
              image: '602401143452.dkr.ecr.ap-northeast-2.amazonaws.com/eks/kube-proxy:v1.33.3-minimal-eksbuild.6',
              resources: { requests: { cpu: '100m' } },
            },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
          containers: [
            {
              name: 'coredns',
              image: '602401143452.dkr.ecr.ap-northeast-2.amazonaws.com/eks/coredns:v1.12.2-eksbuild.4',
              resources: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
            },
          ],
        },
      },
    },
  },
  // The API server's own Service (selectorless: the apiserver keeps its endpoints) and CoreDNS's,
  // at the addresses EKS gives them in its default 10.100.0.0/16 service CIDR.
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.100.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'eks.amazonaws.com/component': 'kube-dns', 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    },
    spec: {
      clusterIP: '10.100.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  },
];

/**
 * What EKS's Amazon Linux 2023 nodes report as their OS (`kubectl get nodes -o wide`, a node's
 * status.nodeInfo). The playground does not model the OS, so one current AL2023 image stands for all.
 */
export const OS_IMAGE = 'Amazon Linux 2023.8.20250915';
export const KERNEL = '6.1.150-174.273.amzn2023';
export const CONTAINER_RUNTIME = 'containerd://1.7.27';

/** The private IP in an EC2 private DNS name: ip-192-168-12-34.… → 192.168.12.34. */
export function internalIpOf(nodeName: string): string {
  const m = /^ip-(\d+)-(\d+)-(\d+)-(\d+)(\.|$)/.exec(nodeName);
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : '<none>';
}

/** How long the cluster ran before the scenario starts: its nodes, add-ons and namespaces are this old. */
export const CLUSTER_AGE_MS = 2 * 3600_000;

/** The namespaces every EKS cluster has. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
