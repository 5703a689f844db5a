/**
 * Heap in use, after full collections when node was started with --expose-gc (otherwise as is).
 * Two collections in a row can leave tens of MB a third one frees (a simulated day at 6,600 pods
 * read 272 MB after two and 183 MB after four), so collect until the heap stops shrinking.
 */
export function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    let last = Infinity;
    for (let i = 0; i < 8; i++) {
      gc();
      const used = process.memoryUsage().heapUsed;
      if (used >= last - 1048576) break;
      last = used;
    }
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
