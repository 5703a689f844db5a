import type { ManifestDoc } from '../core/commands';

/**
 * What every EKS cluster runs before anyone deploys anything: the VPC CNI (aws-node) and kube-proxy
 * DaemonSets and two CoreDNS replicas, with the requests EKS's managed add-ons set (aws-node 25m
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
