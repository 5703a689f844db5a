import { registerManifestValidator, type ManifestIssue } from '../../../resources/manifestValidators';
import { parseKarpenterManifest } from '../manifests';

/**
 * Scenario files get Karpenter's own schema errors (with field paths the loader turns into
 * FILE:LINE:COL) and its not-simulated notices.
 */
function validate(doc: Record<string, unknown>): ManifestIssue[] {
  const parsed = parseKarpenterManifest(doc);
  if (!parsed) return [];
  return [
    ...parsed.errors.map((e) => ({ path: e.path, message: e.message, ...(e.msg ? { msg: e.msg } : {}) })),
    ...parsed.notices.map((n) => ({ path: n.path, message: n.message, severity: 'notice' as const, ...(n.msg ? { msg: n.msg } : {}) })),
  ];
}

const KINDS: [string, string][] = [
  ['karpenter.sh/v1', 'NodePool'],
  ['karpenter.sh/v1beta1', 'NodePool'],
  ['karpenter.k8s.aws/v1', 'EC2NodeClass'],
  ['karpenter.k8s.aws/v1beta1', 'EC2NodeClass'],
  ['karpenter.sh/v1alpha5', 'Provisioner'],
  ['karpenter.k8s.aws/v1alpha1', 'AWSNodeTemplate'],
];

for (const [apiVersion, kind] of KINDS) registerManifestValidator(apiVersion, kind, validate);
