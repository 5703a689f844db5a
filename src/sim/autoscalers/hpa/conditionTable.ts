/**
 * setCondition for one reconcileHpa, worked field by field in one kept table rather than on a copy
 * of the previous list with a new object per setCond: most syncs change no condition, and
 * AbleToScale passes through SucceededGetScale on its way back to what it was, which cost a list
 * and an object every sync. finishConditions turns the table into objects: a condition that comes
 * out as it was in the previous status is that status's own object, and a list that comes out the
 * same is that status's own list. Nothing edits a status's conditions in place, so sharing them is
 * safe. The table is valid during one reconcileHpa (which does not recurse).
 */
import type { ConditionStatus, HpaCondition, HpaConditionType } from './types';

const table = {
  count: 0,
  type: [] as HpaConditionType[],
  status: [] as ConditionStatus[],
  reason: [] as string[],
  message: [] as string[],
  time: [] as number[],
  /** Whether setCond wrote the entry (an untouched one stays the previous object as it is). */
  touched: [] as boolean[],
};

export function beginConditions(previous: readonly HpaCondition[]): void {
  for (let i = 0; i < previous.length; i++) {
    const c = previous[i];
    table.type[i] = c.type;
    table.status[i] = c.status;
    table.reason[i] = c.reason;
    table.message[i] = c.message;
    table.time[i] = c.lastTransitionTime;
    table.touched[i] = false;
  }
  table.count = previous.length;
}

function conditionIndex(type: HpaConditionType): number {
  for (let i = 0; i < table.count; i++) if (table.type[i] === type) return i;
  return -1;
}

/** setCondition: lastTransitionTime moves only when the status flips. */
export function setCond(now: number, type: HpaConditionType, status: ConditionStatus, reason: string, message: string): void {
  let index = conditionIndex(type);
  if (index < 0) {
    index = table.count++;
    table.type[index] = type;
    table.time[index] = now;
  } else if (table.status[index] !== status) {
    table.time[index] = now;
  }
  table.status[index] = status;
  table.reason[index] = reason;
  table.message[index] = message;
  table.touched[index] = true;
}

/** The previous status's list when every condition came out as its own object, else a new list. */
export function finishConditions(previous: HpaCondition[]): HpaCondition[] {
  const n = table.count;
  let same = n === previous.length;
  let out: HpaCondition[] | undefined;
  for (let i = 0; i < n; i++) {
    const original = i < previous.length ? previous[i] : undefined;
    const type = table.type[i];
    const status = table.status[i];
    const reason = table.reason[i];
    const message = table.message[i];
    const lastTransitionTime = table.time[i];
    const kept =
      original !== undefined &&
      (!table.touched[i] ||
        (original.type === type &&
          original.status === status &&
          original.reason === reason &&
          original.message === message &&
          original.lastTransitionTime === lastTransitionTime));
    if (kept && same) continue;
    if (out === undefined) {
      // Every entry before this one was the previous object.
      out = new Array<HpaCondition>(n);
      for (let j = 0; j < i; j++) out[j] = previous[j];
      same = false;
    }
    out[i] = kept ? original : { type, status, reason, message, lastTransitionTime };
  }
  return out ?? previous;
}

/** The reason of the condition of that type, '' when the sync has none. */
export function conditionReason(type: HpaConditionType): string {
  const index = conditionIndex(type);
  return index < 0 ? '' : table.reason[index];
}
