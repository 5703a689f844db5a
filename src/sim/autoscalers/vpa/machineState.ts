/**
 * The VPA statechart lives in the world as its state value and context (plain data); each step
 * runs the machine's compiled step (`stepVpaPersisted`, equal to xstate's `transition()` after
 * `resolveState`, without building an actor scope per call) and stores a copy of the context.
 */
import { initialVpaSnapshot, stepVpaPersisted, vpaStateName, type VpaMachineEvent, type VpaStateName } from './vpaMachine';
import type { VpaUpdateMode } from './types';
import { stepStored } from '../../core/compiledStepper';
import type { VpaObjectState } from './worldState';

export function initialMachineState(mode: VpaUpdateMode): VpaObjectState['machine'] {
  const snapshot = initialVpaSnapshot(mode);
  return { value: vpaStateName(snapshot), context: { ...snapshot.context } };
}

export function stepObjectMachine(obj: VpaObjectState, event: VpaMachineEvent): VpaStateName {
  obj.machine = stepStored(stepVpaPersisted, obj.machine, event);
  return obj.machine.value;
}
