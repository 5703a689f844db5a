import type { BenchCase } from './worlds';

/** The bench's timed cases (`npm run bench`), also hashed by `npm run bench:hash`. */
export const BENCH_CASES: BenchCase[] = [
  { name: 'small', nodes: 20, pods: 200, instanceType: 'm5.large', deployments: 10 },
  { name: 'medium', nodes: 200, pods: 5000, instanceType: 'm5.xlarge', deployments: 50 },
  { name: 'large', nodes: 1000, pods: 30000, instanceType: 'm5.2xlarge', deployments: 100 },
  { name: 'small-hpa', nodes: 20, pods: 200, instanceType: 'm5.large', deployments: 10, hpa: true },
  { name: 'medium-hpa', nodes: 200, pods: 5000, instanceType: 'm5.xlarge', deployments: 50, hpa: true },
  // The "HPA + Cluster Autoscaler" row: medium-all without its VPA and KEDA objects.
  { name: 'medium-ca', nodes: 200, pods: 5000, instanceType: 'm5.xlarge', deployments: 50, hpa: true, ca: true },
  { name: 'medium-all', nodes: 200, pods: 5000, instanceType: 'm5.xlarge', deployments: 50, hpa: true, ca: true, vpaOff: true, keda: true },
  // The "HPA + Karpenter" row at 200 nodes: the fixed group holds the start, the NodePool the rises.
  { name: 'medium-karpenter', nodes: 200, pods: 5000, instanceType: 'm5.xlarge', deployments: 50, hpa: true, karpenter: true },
  { name: 'large-all', nodes: 1000, pods: 30000, instanceType: 'm5.2xlarge', deployments: 100, hpa: true, karpenter: true },
];
