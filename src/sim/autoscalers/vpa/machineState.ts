/**
 * The VPA statechart lives in the world as its state value and context (plain data); each step
 * runs the machine's compiled step (`stepVpaPersisted`, equal to xstate's `transition()` after
 * `resolveState`, without building an actor scope per call) and stores a copy of the context.
 */
import { initialVpaSnapshot, stepVpaPersisted, vpaStateName, type VpaMachineEvent, type VpaStateName } from './vpaMachine';
import type { VpaUpdateMode } from './types';
import type { VpaObjectState } from './worldState';

export function initialMachineState(mode: VpaUpdateMode): VpaObjectState['machine'] {
  const snapshot = initialVpaSnapshot(mode);
  return { value: vpaStateName(snapshot), context: { ...snapshot.context } };
}

export function stepObjectMachine(obj: VpaObjectState, event: VpaMachineEvent): VpaStateName {
  const next = stepVpaPersisted(obj.machine.value, obj.machine.context, event);
  obj.machine = { value: next.value, context: { ...next.context } };
  return obj.machine.value;
}
