import type { World } from '../core/types';
import { withColumn } from './tableEdit';

/**
 * What EKS's Amazon Linux 2023 nodes report in `kubectl get nodes -o wide`. The playground does
 * not model the OS, so one current AL2023 image stands for all of them.
 */
const OS_IMAGE = 'Amazon Linux 2023.8.20250915';
const KERNEL = '6.1.150-174.273.amzn2023';
const CONTAINER_RUNTIME = 'containerd://1.7.27';

/** The private IP in an EC2 private DNS name: ip-192-168-12-34.… → 192.168.12.34. */
export function internalIpOf(nodeName: string): string {
  const m = /^ip-(\d+)-(\d+)-(\d+)-(\d+)(\.|$)/.exec(nodeName);
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : '<none>';
}

/** The -o wide columns kubectl adds after VERSION, appended to the plain node table. */
export function nodesWide(world: World, plainTable: string, items: readonly { name: string }[]): string {
  const nodes = items.map((o) => world.nodes.get(o.name));
  const arch = (name: string) => (world.nodes.get(name)?.labels['kubernetes.io/arch'] === 'arm64' ? 'aarch64' : 'x86_64');
  let out = withColumn(plainTable, 'INTERNAL-IP', items.map((o) => internalIpOf(o.name)), true);
  out = withColumn(out, 'EXTERNAL-IP', nodes.map(() => '<none>'), true);
  out = withColumn(out, 'OS-IMAGE', nodes.map(() => OS_IMAGE), true);
  out = withColumn(out, 'KERNEL-VERSION', items.map((o) => `${KERNEL}.${arch(o.name)}`), true);
  return withColumn(out, 'CONTAINER-RUNTIME', nodes.map(() => CONTAINER_RUNTIME), true);
}
