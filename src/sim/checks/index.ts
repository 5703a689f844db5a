/** The check vocabulary and its evaluation (docs/lessons.md "Checks"). */
export type * from './types';
export { COMPARE_OPS } from './types';
export { compare, evaluateCheck, evaluateChecks, newScope, type CheckScope, type EventScan } from './evaluate';
export { attachChecks, evaluateAttached, rewindAttached, checkStatuses, type AttachedCheck, type AttachedChecks, type CheckStatus } from './attached';
export { setSessionChecks, clearSessionChecks, sessionCheckStatuses, advanceUntilHeld } from './sessionChecks';
