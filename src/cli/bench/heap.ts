/** Heap in use, after a full collection when node was started with --expose-gc (otherwise as is). */
export function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1048576;
}

/**
 * Memory held outside the JS heap by ArrayBuffers (typed-array columns over 64 bytes live there, such
 * as the KRR history's), in MB; read after heapMB() so it follows the same collection.
 */
export function arrayBuffersMB(): number {
  return process.memoryUsage().arrayBuffers / 1048576;
}
