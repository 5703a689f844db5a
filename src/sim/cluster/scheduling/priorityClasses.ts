import type { World } from '../../core/types';

/**
 * scheduling.k8s.io/v1 PriorityClass objects and what the Priority admission plugin does with them
 * (kubernetes/kubernetes plugin/pkg/admission/priority/admission.go): a pod's priorityClassName
 * becomes spec.priority when the pod is created; a pod without one gets the globalDefault class, or
 * priority 0 when there is none. The World has no field for them, so user classes live as plain data
 * under world.autoscalers[PRIORITY_CLASS_KEY], as PodDisruptionBudgets do.
 */

export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

export interface PriorityClass {
  name: string;
  value: number;
  globalDefault: boolean;
  preemptionPolicy: PreemptionPolicy;
  description: string;
  createdMs: number;
}

export const PRIORITY_CLASS_KEY = 'priorityClasses';

/** scheduling.HighestUserDefinablePriority: above it only the system classes may go. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;

/** Every cluster's built-in classes (scheduling.SystemPriorityClasses), which the API server creates at start. */
export const SYSTEM_PRIORITY_CLASSES: readonly Omit<PriorityClass, 'createdMs'>[] = Object.freeze([
  { name: 'system-node-critical', value: 2_000_001_000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority', description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: 2_000_000_000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority', description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
]);

/** The value of a system class, for pod templates read before any world exists. */
export function systemPriority(name: string): number | undefined {
  return SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name)?.value;
}

type Store = Record<string, PriorityClass>;

function userClasses(world: World): Store | undefined {
  return world.autoscalers[PRIORITY_CLASS_KEY] as Store | undefined;
}

/** All classes, system ones first (as old as the cluster), then the user's by name. */
export function listPriorityClasses(world: World, clusterCreatedMs: number): PriorityClass[] {
  const system = SYSTEM_PRIORITY_CLASSES.map((c) => ({ ...c, createdMs: clusterCreatedMs }));
  const user = Object.values(userClasses(world) ?? {}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...system, ...user].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function getPriorityClass(world: World, name: string, clusterCreatedMs = 0): PriorityClass | undefined {
  const system = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name);
  if (system) return { ...system, createdMs: clusterCreatedMs };
  return userClasses(world)?.[name];
}

export function globalDefaultClass(world: World): PriorityClass | undefined {
  return Object.values(userClasses(world) ?? {}).find((c) => c.globalDefault);
}

/** The API server's refusals, worded as it words them; undefined when the class may be stored. */
export function priorityClassProblem(world: World, pc: Omit<PriorityClass, 'createdMs'>): string | undefined {
  const invalid = (detail: string) => `PriorityClass.scheduling.k8s.io "${pc.name}" is invalid: ${detail}`;
  const system = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === pc.name);
  if (system) return system.value === pc.value ? undefined : invalid('value: Invalid value: "": field is immutable');
  if (pc.name.startsWith('system-')) return invalid("metadata.name: Forbidden: priority class names with 'system-' prefix are reserved");
  if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    return invalid(`value: Forbidden: maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`);
  }
  const prev = userClasses(world)?.[pc.name];
  if (prev && prev.value !== pc.value) return invalid('value: Invalid value: "": field is immutable');
  if (prev && prev.preemptionPolicy !== pc.preemptionPolicy) return invalid('preemptionPolicy: Invalid value: "": field is immutable');
  const other = globalDefaultClass(world);
  // The Priority admission plugin, not validation, keeps the default unique.
  if (pc.globalDefault && other && other.name !== pc.name) {
    return `priorityclasses.scheduling.k8s.io "${pc.name}" is forbidden: PriorityClass ${other.name} is already marked as default. Only one default can exist`;
  }
  return undefined;
}

export function putPriorityClass(world: World, pc: Omit<PriorityClass, 'createdMs'>): 'created' | 'configured' | 'unchanged' {
  const problem = priorityClassProblem(world, pc);
  if (problem) throw new Error(problem);
  if (SYSTEM_PRIORITY_CLASSES.some((c) => c.name === pc.name)) return 'unchanged';
  const store = ((world.autoscalers[PRIORITY_CLASS_KEY] as Store | undefined) ??= {});
  const prev = store[pc.name];
  if (prev && prev.globalDefault === pc.globalDefault && prev.description === pc.description) return 'unchanged';
  store[pc.name] = { ...pc, createdMs: prev?.createdMs ?? world.timeMs };
  return prev ? 'configured' : 'created';
}

export function deletePriorityClass(world: World, name: string): void {
  const store = userClasses(world);
  if (store) delete store[name];
}

export interface ResolvedPriority {
  priority: number;
  className?: string;
  preemptionPolicy?: PreemptionPolicy;
}

/**
 * What admission writes into a new pod's spec. Throws the API server's refusal when the named class
 * does not exist (the ReplicaSet controller would report it as FailedCreate).
 */
export function admitPriority(world: World, podName: string, className: string, explicit?: number): ResolvedPriority {
  if (className === '') {
    const def = globalDefaultClass(world);
    if (def) return { priority: def.value, className: def.name, preemptionPolicy: def.preemptionPolicy };
    return { priority: explicit ?? 0 };
  }
  const pc = getPriorityClass(world, className);
  if (!pc) throw new Error(`pods "${podName}" is forbidden: no PriorityClass with name ${className} was found`);
  return { priority: pc.value, className: pc.name, preemptionPolicy: pc.preemptionPolicy };
}
