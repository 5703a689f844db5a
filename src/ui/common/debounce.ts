/**
 * Trailing debounce with a cancel: slider drags fire many input events, but each command rebuilds
 * engine state, so only the value the hand rests on becomes a command.
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number) {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const call = (...args: A) => {
    if (handle !== undefined) clearTimeout(handle);
    handle = setTimeout(() => {
      handle = undefined;
      fn(...args);
    }, waitMs);
  };
  call.cancel = () => {
    if (handle !== undefined) clearTimeout(handle);
    handle = undefined;
  };
  return call;
}
