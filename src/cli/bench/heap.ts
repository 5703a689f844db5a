/** Heap in use, after a full collection when node was started with --expose-gc (otherwise as is). */
export function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1048576;
}
