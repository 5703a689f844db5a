/** Kinds handed to the autoscaler modules, which validate and simulate them. */
export const AUTOSCALER_KINDS: readonly [string, string][] = [
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['autoscaling/v1', 'HorizontalPodAutoscaler'],
  ['autoscaling/v2beta2', 'HorizontalPodAutoscaler'],
  ['autoscaling/v2beta1', 'HorizontalPodAutoscaler'],
  ['autoscaling.k8s.io/v1', 'VerticalPodAutoscaler'],
  ['keda.sh/v1alpha1', 'ScaledObject'],
  ['keda.sh/v1alpha1', 'TriggerAuthentication'],
  ['keda.sh/v1alpha1', 'ClusterTriggerAuthentication'],
  ['karpenter.sh/v1', 'NodePool'],
  ['karpenter.sh/v1beta1', 'NodePool'],
  ['karpenter.k8s.aws/v1', 'EC2NodeClass'],
  ['karpenter.k8s.aws/v1beta1', 'EC2NodeClass'],
  ['karpenter.sh/v1alpha5', 'Provisioner'],
  ['karpenter.k8s.aws/v1alpha1', 'AWSNodeTemplate'],
];

/**
 * Real kinds that come with the manifests people paste (RBAC of the Cluster Autoscaler, namespaces, …): accepted, reported once as not simulated, and not applied.
 */
export const ACCEPTED_NOT_SIMULATED: readonly [string, string][] = [
  ['v1', 'Namespace'],
  ['v1', 'ServiceAccount'],
  ['v1', 'Secret'],
  ['v1', 'LimitRange'],
  ['v1', 'ResourceQuota'],
  ['v1', 'PersistentVolumeClaim'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'ReplicaSet'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
];

export const key = (apiVersion: string, kind: string): string => `${apiVersion} ${kind}`;
