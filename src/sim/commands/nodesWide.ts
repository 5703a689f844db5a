import type { World } from '../core/types';
import { withColumn } from './tableEdit';
import { CONTAINER_RUNTIME, KERNEL, OS_IMAGE, internalIpOf } from '../cluster/eksDefaults';

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
