/**
 * Varints for the KRR history's compacted forms (krrBlocks.ts, krrFrameCodec.ts). Arithmetic, not
 * bit operations: values reach 2^51 (deltas of ±2^50), past the 32 bits JS bit operators keep.
 */

/** A growable byte buffer. */
export class ByteWriter {
  buf = new Uint8Array(1024);
  n = 0;
  varint(x: number): void {
    if (this.n + 8 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    while (x >= 128) {
      this.buf[this.n++] = (x % 128) | 128;
      x = Math.floor(x / 128);
    }
    this.buf[this.n++] = x;
  }
  zigzag(d: number): void {
    this.varint(d >= 0 ? 2 * d : -2 * d - 1);
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

export class ByteReader {
  constructor(
    private readonly data: Uint8Array,
    public at = 0,
  ) {}
  varint(): number {
    let x = 0;
    let scale = 1;
    for (;;) {
      const b = this.data[this.at++];
      x += (b & 127) * scale;
      if (b < 128) return x;
      scale *= 128;
    }
  }
  zigzag(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}
