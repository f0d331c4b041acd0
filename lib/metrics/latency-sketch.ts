import { DDSketch } from "@datadog/sketches-js";

/**
 * Latency distributions are DDSketches (1% relative error, mergeable), from
 * @datadog/sketches-js. The library's own protobuf serialisation writes every dense bin as a
 * double (~2 KB, ~40 µs to encode or decode), too heavy for a row per bucket that dashboards
 * merge by the thousand. This codec stores only the sketch's non-empty bins as varints
 * (typically 50–400 bytes) and rebuilds the sketch through its public store API.
 */
export const RELATIVE_ACCURACY = 0.01;
const FORMAT_VERSION = 1;

export type LatencySketch = DDSketch;

export function newLatencySketch(): LatencySketch {
  return new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY });
}

export function encodeSketch(s: LatencySketch): Buffer {
  const w = new ByteWriter(64 + s.store.bins.length * 3);
  w.byte(FORMAT_VERSION);
  w.f64(s.sum);
  w.f64(s.min);
  w.f64(s.max);
  w.uvar(s.zeroCount);
  const { bins, offset } = s.store;
  let nonEmpty = 0;
  for (const b of bins) if (b > 0) nonEmpty++;
  w.uvar(nonEmpty);
  let prevKey = 0;
  let first = true;
  for (let i = 0; i < bins.length; i++) {
    const c = bins[i];
    if (!(c > 0)) continue;
    const key = i + offset;
    if (first) w.svar(key);
    else w.uvar(key - prevKey);
    w.uvar(Math.round(c));
    prevKey = key;
    first = false;
  }
  return w.done();
}

/** Adds the encoded sketch's contents into `into` (which may be a fresh sketch). */
export function mergeEncoded(into: LatencySketch, buf: Uint8Array): void {
  const r = new ByteReader(buf);
  if (r.byte() !== FORMAT_VERSION) throw new Error("Unknown latency sketch format");
  const sum = r.f64();
  const min = r.f64();
  const max = r.f64();
  const zero = r.uvar();
  const n = r.uvar();
  let key = 0;
  let total = zero;
  for (let i = 0; i < n; i++) {
    key = i === 0 ? r.svar() : key + r.uvar();
    const c = r.uvar();
    into.store.add(key, c);
    total += c;
  }
  into.zeroCount += zero;
  into.count += total;
  into.sum += sum;
  if (min < into.min) into.min = min;
  if (max > into.max) into.max = max;
}

export function decodeSketch(buf: Uint8Array): LatencySketch {
  const s = newLatencySketch();
  mergeEncoded(s, buf);
  return s;
}

/** Quantile in ms, or null for an empty sketch. */
export function quantile(s: LatencySketch, q: number): number | null {
  if (s.count === 0) return null;
  return s.getValueAtQuantile(q);
}

class ByteWriter {
  private buf: Buffer;
  private pos = 0;
  constructor(size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }
  private ensure(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  byte(v: number) {
    this.ensure(1);
    this.buf[this.pos++] = v;
  }
  f64(v: number) {
    this.ensure(8);
    this.buf.writeDoubleLE(v, this.pos);
    this.pos += 8;
  }
  uvar(v: number) {
    this.ensure(10);
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }
  svar(v: number) {
    this.uvar(v < 0 ? -2 * v - 1 : 2 * v);
  }
  done(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

class ByteReader {
  private pos = 0;
  private view: DataView;
  constructor(private buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  byte() {
    return this.buf[this.pos++];
  }
  f64() {
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  uvar() {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Error("Truncated latency sketch");
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
    }
  }
  svar() {
    const u = this.uvar();
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }
}
