/** Every kubectl command (kubectl 1.3x), for "Did you mean this?" and for naming what is not simulated. */
export const KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'alpha', 'api-resources', 'api-versions', 'config', 'plugin',
  'version', 'options', 'help',
] as const;

export const SUPPORTED_KUBECTL = ['api-resources', 'api-versions', 'apply', 'autoscale', 'cordon', 'delete', 'describe', 'drain', 'get', 'logs', 'patch', 'rollout', 'run', 'scale', 'set', 'top', 'uncordon', 'version'] as const;
