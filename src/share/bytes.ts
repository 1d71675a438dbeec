/**
 * A tiny byte writer/reader for share links: unsigned varints (LEB128, exact up to 2^53),
 * compact decimals, strings. Numbers written as decimals come back bit-for-bit equal.
 */
export class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b & 0xff;
  }

  /** Unsigned integer 0 … 2^53, seven bits a byte. */
  uint(n: number): void {
    let v = n;
    while (v >= 0x80) {
      this.byte((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.byte(v);
  }

  /**
   * A finite number as the shortest decimal m·10^−k (k ≤ 9) that reproduces it exactly:
   * 0.9 takes 1 byte, 1234.5 takes 3. Anything else falls back to 8 bytes of float64.
   * Tag (low 4 bits): k for a decimal, 14 for null, 15 for float64.
   */
  decimal(v: number | null): void {
    if (v === null) {
      this.uint(14);
      return;
    }
    for (let k = 0; k <= 9; k++) {
      const m = Math.round(v * 10 ** k);
      if (Math.abs(m) > 2 ** 48) break;
      if (m / 10 ** k === v && !Object.is(v, -0)) {
        const zigzag = m >= 0 ? 2 * m : -2 * m - 1;
        this.uint(zigzag * 16 + k);
        return;
      }
    }
    this.uint(15);
    this.ensure(8);
    new DataView(this.buf.buffer).setFloat64(this.length, v, true);
    this.length += 8;
  }

  string(s: string): void {
    const bytes = new TextEncoder().encode(s);
    this.uint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReaderError extends Error {}

export class ByteReader {
  private pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new ByteReaderError('the link ends too early');
    return this.buf[this.pos++] as number;
  }

  uint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 0x80;
    }
    throw new ByteReaderError('a number in the link is too long');
  }

  decimal(): number | null {
    const n = this.uint();
    const tag = n % 16;
    if (tag === 14) return null;
    if (tag === 15) {
      if (this.pos + 8 > this.buf.length) throw new ByteReaderError('the link ends too early');
      const v = new DataView(this.buf.buffer, this.buf.byteOffset).getFloat64(this.pos, true);
      this.pos += 8;
      return v;
    }
    const zigzag = Math.floor(n / 16);
    const m = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
    return m / 10 ** tag;
  }

  string(maxBytes = 100_000): string {
    const len = this.uint();
    if (len > maxBytes || this.pos + len > this.buf.length)
      throw new ByteReaderError('a text in the link is damaged');
    const s = new TextDecoder('utf-8', { fatal: true }).decode(this.buf.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
}
