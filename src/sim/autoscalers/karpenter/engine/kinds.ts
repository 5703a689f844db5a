import { stringify } from 'yaml';
import type { ManifestDoc } from '../../../core/commands';
import type { World } from '../../../core/types';
import type { ResourceKind } from '../../../resources/registry';
import { eventsFor } from '../../../views/events';
import { humanDuration, rfc3339, table } from '../../../views/format';
import { kubectlDescribeNodePool, kubectlGetNodeClaims, kubectlGetNodePools, type NodeClaimView } from '../kubectlViews';
import { parseKarpenterManifest } from '../manifests';
import { karpenterState } from './machineDriver';
import { claimReady, deleteNodeClaim } from './nodeClaims';
import type { KarpenterState, NodeClaimRecord } from './state';

/**
 * The Karpenter API kinds for kubectl and scenario manifests: karpenter.sh/v1 NodePool,
 * karpenter.k8s.aws/v1 EC2NodeClass, the old v1alpha5 Provisioner / v1alpha1 AWSNodeTemplate
 * (run as their v1 equivalents, with a migration hint), and read-only NodeClaims.
 */

function parseOrThrow(world: World, doc: ManifestDoc) {
  const parsed = parseKarpenterManifest(doc);
  if (!parsed) throw new Error(`not a Karpenter object: ${String(doc.apiVersion)} ${String(doc.kind)}`);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  // Not-simulated notices reach the person through the scenario loader's validator (with FILE:LINE:COL).
  void world;
  return parsed;
}

export function claimView(world: World, c: NodeClaimRecord): NodeClaimView {
  return {
    name: c.name,
    nodePool: c.nodePool,
    instanceType: c.instanceType,
    capacityType: c.capacityType,
    zone: c.zone,
    nodeName: c.registeredMs >= 0 && world.nodes.has(c.nodeName) ? c.nodeName : undefined,
    ready: claimReady(c),
    createdAtSeconds: c.createdMs / 1000,
    capacity: c.capacity,
  };
}

export function claimViews(world: World, state: KarpenterState): NodeClaimView[] {
  return Object.values(state.nodeClaims)
    .sort((a, b) => a.createdMs - b.createdMs || a.name.localeCompare(b.name))
    .map((c) => claimView(world, c));
}

function poolKind(sourceKind: 'NodePool' | 'Provisioner'): ResourceKind {
  const isV1 = sourceKind === 'NodePool';
  const pools = (world: World) => Object.values(karpenterState(world).nodePools).filter((e) => e.sourceKind === sourceKind);
  return {
    kind: sourceKind,
    group: 'karpenter.sh',
    apiVersions: isV1 ? ['karpenter.sh/v1', 'karpenter.sh/v1beta1'] : ['karpenter.sh/v1alpha5'],
    names: isV1 ? ['nodepool', 'nodepools'] : ['provisioner', 'provisioners'],
    plural: isV1 ? 'nodepools' : 'provisioners',
    namespaced: false,
    apply(world, doc) {
      const parsed = parseOrThrow(world, doc);
      if (parsed.kind !== 'NodePool') throw new Error('expected a NodePool');
      const state = karpenterState(world);
      const prev = state.nodePools[parsed.nodePool.name];
      const unchanged = prev !== undefined && JSON.stringify(prev.manifest) === JSON.stringify(doc);
      state.nodePools[parsed.nodePool.name] = {
        pool: parsed.nodePool,
        sourceKind,
        createdMs: prev?.createdMs ?? world.timeMs,
        kubelet: parsed.kubelet,
        migrationHint: parsed.migrationHint,
        manifest: structuredClone(doc),
      };
      return prev ? (unchanged ? 'unchanged' : 'configured') : 'created';
    },
    warnings(doc) {
      if (isV1) return [];
      const hint = parseKarpenterManifest(doc)?.migrationHint;
      return [`Warning: karpenter.sh/v1alpha5 Provisioner is deprecated and removed in Karpenter v1; use karpenter.sh/v1 NodePool`, ...(hint ? [hint.trimEnd()] : [])];
    },
    list: (world) => pools(world).map((e) => ({ name: e.pool.name, namespace: '' })),
    get(world, items, output) {
      const state = karpenterState(world);
      const chosen = items.map((i) => state.nodePools[i.name]).filter((e) => e !== undefined);
      if (output === 'yaml') return chosen.map((e) => stringify(e.manifest).trimEnd()).join('\n---\n');
      if (isV1) {
        const rows = chosen.map((e) => ({ ...e.pool, createdAtSeconds: e.createdMs / 1000, nodeClassReady: state.nodeClasses[e.pool.template.nodeClassRef.name] !== undefined }));
        return kubectlGetNodePools(rows, claimViews(world, state), world.timeMs / 1000);
      }
      const rows = chosen.map((e) => [e.pool.name, e.pool.template.nodeClassRef.name, e.pool.weight === undefined ? '' : String(e.pool.weight), humanDuration(world.timeMs - e.createdMs)]);
      return table(['NAME', 'TEMPLATE', 'WEIGHT', 'AGE'], rows);
    },
    describe(world, name) {
      const state = karpenterState(world);
      const e = state.nodePools[name];
      if (!e) return '';
      const text = kubectlDescribeNodePool(e.pool, claimViews(world, state)).replace('Events:  <none>', eventsFor(world, 'NodePool', name));
      return e.migrationHint ? `${text}\n\n${e.migrationHint.trimEnd()}` : text;
    },
    delete(world, name) {
      const state = karpenterState(world);
      // Deleting a NodePool cascades to its NodeClaims, which drain and terminate their nodes.
      for (const c of Object.values(state.nodeClaims)) if (c.nodePool === name) deleteNodeClaim(world, state, c);
      delete state.nodePools[name];
    },
  };
}

function nodeClassKind(sourceKind: 'EC2NodeClass' | 'AWSNodeTemplate'): ResourceKind {
  const isV1 = sourceKind === 'EC2NodeClass';
  const classes = (world: World) => Object.values(karpenterState(world).nodeClasses).filter((e) => e.sourceKind === sourceKind);
  return {
    kind: sourceKind,
    group: 'karpenter.k8s.aws',
    apiVersions: isV1 ? ['karpenter.k8s.aws/v1', 'karpenter.k8s.aws/v1beta1'] : ['karpenter.k8s.aws/v1alpha1'],
    names: isV1 ? ['ec2nodeclass', 'ec2nodeclasses', 'ec2nc'] : ['awsnodetemplate', 'awsnodetemplates'],
    plural: isV1 ? 'ec2nodeclasses' : 'awsnodetemplates',
    namespaced: false,
    apply(world, doc) {
      const parsed = parseOrThrow(world, doc);
      if (parsed.kind !== 'EC2NodeClass') throw new Error('expected an EC2NodeClass');
      const state = karpenterState(world);
      const prev = state.nodeClasses[parsed.nodeClass.name];
      state.nodeClasses[parsed.nodeClass.name] = { nodeClass: parsed.nodeClass, sourceKind, createdMs: prev?.createdMs ?? world.timeMs, migrationHint: parsed.migrationHint };
      return prev ? 'configured' : 'created';
    },
    warnings(doc) {
      if (isV1) return [];
      const hint = parseKarpenterManifest(doc)?.migrationHint;
      return [`Warning: karpenter.k8s.aws/v1alpha1 AWSNodeTemplate is deprecated and removed in Karpenter v1; use karpenter.k8s.aws/v1 EC2NodeClass`, ...(hint ? [hint.trimEnd()] : [])];
    },
    list: (world) => classes(world).map((e) => ({ name: e.nodeClass.name, namespace: '' })),
    get(world, items) {
      const state = karpenterState(world);
      const rows = items.map((i) => state.nodeClasses[i.name]).filter((e) => e !== undefined).map((e) => (isV1 ? [e.nodeClass.name, 'True', humanDuration(world.timeMs - e.createdMs)] : [e.nodeClass.name, humanDuration(world.timeMs - e.createdMs)]));
      return table(isV1 ? ['NAME', 'READY', 'AGE'] : ['NAME', 'AGE'], rows);
    },
    delete(world, name) {
      delete karpenterState(world).nodeClasses[name];
    },
  };
}

export const nodeClaimKind: ResourceKind = {
  kind: 'NodeClaim',
  group: 'karpenter.sh',
  apiVersions: ['karpenter.sh/v1'],
  names: ['nodeclaim', 'nodeclaims'],
  plural: 'nodeclaims',
  namespaced: false,
  list: (world) => claimViews(world, karpenterState(world)).map((c) => ({ name: c.name, namespace: '' })),
  get(world, items) {
    const names = new Set(items.map((i) => i.name));
    return kubectlGetNodeClaims(claimViews(world, karpenterState(world)).filter((c) => names.has(c.name)), world.timeMs / 1000);
  },
  describe(world, name) {
    const c = karpenterState(world).nodeClaims[name];
    if (!c) return '';
    const cond = (label: string, atMs: number) => `    ${label.padEnd(12)}${atMs >= 0 ? 'True' : 'Unknown'}`;
    return [
      `Name:         ${c.name}`,
      `Labels:       karpenter.sh/nodepool=${c.nodePool}`,
      `              karpenter.sh/capacity-type=${c.capacityType}`,
      `              node.kubernetes.io/instance-type=${c.instanceType}`,
      `              topology.kubernetes.io/zone=${c.zone}`,
      'API Version:  karpenter.sh/v1',
      'Kind:         NodeClaim',
      'Status:',
      `  Node Name:    ${c.registeredMs >= 0 ? c.nodeName : ''}`,
      `  Provider ID:  ${c.providerId}`,
      '  Conditions:',
      cond('Launched', c.createdMs),
      cond('Registered', c.registeredMs),
      cond('Initialized', c.initializedMs),
      `  Why:          ${c.reason}`,
      eventsFor(world, 'NodeClaim', name),
    ].join('\n');
  },
  object(world, name) {
    const c = karpenterState(world).nodeClaims[name];
    const at = (ms: number) => rfc3339(ms / 1000, world.startEpochMs);
    const cond = (type: string, ms: number) => ({ type, status: ms >= 0 ? 'True' : 'Unknown', ...(ms >= 0 ? { lastTransitionTime: at(ms) } : {}) });
    return {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodeClaim',
      metadata: {
        name: c.name,
        creationTimestamp: at(c.createdMs),
        labels: {
          'karpenter.sh/nodepool': c.nodePool,
          'karpenter.sh/capacity-type': c.capacityType,
          'node.kubernetes.io/instance-type': c.instanceType,
          'topology.kubernetes.io/zone': c.zone,
        },
        ownerReferences: [{ apiVersion: 'karpenter.sh/v1', kind: 'NodePool', name: c.nodePool, blockOwnerDeletion: true }],
      },
      status: {
        ...(c.registeredMs >= 0 ? { nodeName: c.nodeName } : {}),
        providerID: c.providerId,
        conditions: [cond('Launched', c.createdMs), cond('Registered', c.registeredMs), cond('Initialized', c.initializedMs)],
      },
    };
  },
  delete(world, name) {
    const state = karpenterState(world);
    const c = state.nodeClaims[name];
    if (c) deleteNodeClaim(world, state, c);
  },
};

export const karpenterKinds: ResourceKind[] = [
  poolKind('NodePool'),
  poolKind('Provisioner'),
  nodeClassKind('EC2NodeClass'),
  nodeClassKind('AWSNodeTemplate'),
  nodeClaimKind,
];
