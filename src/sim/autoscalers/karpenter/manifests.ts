import { convertAWSNodeTemplate, convertProvisioner } from './migration';
import { parseEC2NodeClass, parseNodePool } from './parse';
import { isObj, type ParseIssue } from './parseHelpers';
import type { EC2NodeClass, NodePool } from './types';

export type KarpenterObject =
  | { kind: 'NodePool'; nodePool: NodePool; errors: ParseIssue[]; notices: ParseIssue[]; migrationHint?: string; kubelet?: EC2NodeClass['kubelet'] }
  | { kind: 'EC2NodeClass'; nodeClass: EC2NodeClass; errors: ParseIssue[]; notices: ParseIssue[]; migrationHint?: string };

/**
 * One parsed YAML document → a Karpenter object, or undefined if it is not a Karpenter kind.
 * The old Provisioner/AWSNodeTemplate come back as v1 objects carrying a migration hint.
 */
export function parseKarpenterManifest(doc: unknown): KarpenterObject | undefined {
  if (!isObj(doc)) return undefined;
  const { apiVersion, kind } = doc;
  if (kind === 'NodePool' && (apiVersion === 'karpenter.sh/v1' || apiVersion === 'karpenter.sh/v1beta1')) {
    return { kind: 'NodePool', ...parseNodePool(doc) };
  }
  if (kind === 'EC2NodeClass' && (apiVersion === 'karpenter.k8s.aws/v1' || apiVersion === 'karpenter.k8s.aws/v1beta1')) {
    return { kind: 'EC2NodeClass', ...parseEC2NodeClass(doc) };
  }
  if (kind === 'Provisioner' && apiVersion === 'karpenter.sh/v1alpha5') {
    const c = convertProvisioner(doc);
    return { kind: 'NodePool', nodePool: c.nodePool, kubelet: c.kubelet, errors: c.errors, notices: c.notices, migrationHint: c.migrationHint };
  }
  if (kind === 'AWSNodeTemplate' && apiVersion === 'karpenter.k8s.aws/v1alpha1') {
    const c = convertAWSNodeTemplate(doc);
    return { kind: 'EC2NodeClass', ...c };
  }
  return undefined;
}
