/**
 * Trace and span ids arrive as raw bytes (protobuf) or hex strings (OTLP/JSON). Both become
 * lowercase hex. Some JSON exporters wrongly send base64 (protobuf's generic JSON mapping); we
 * accept that too, with a warning, because it is unambiguous: base64 of 16 bytes is 24 chars.
 */
export type IdResult = { ok: true; hex: string; warning?: string } | { ok: false; reason: "missing" | "invalid"; detail: string };

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function normaliseId(v: unknown, bytes: 8 | 16): IdResult {
  const hexLen = bytes * 2;
  if (v === undefined || v === null || v === "") return { ok: false, reason: "missing", detail: "missing" };
  let hex: string;
  let warning: string | undefined;
  if (v instanceof Uint8Array) {
    if (v.byteLength === 0) return { ok: false, reason: "missing", detail: "missing" };
    if (v.byteLength !== bytes) return { ok: false, reason: "invalid", detail: `must be ${bytes} bytes, got ${v.byteLength}` };
    hex = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex");
  } else if (typeof v === "string") {
    if (v.length === hexLen && HEX.test(v)) {
      hex = v.toLowerCase();
    } else if (BASE64.test(v) && Buffer.from(v, "base64").byteLength === bytes) {
      hex = Buffer.from(v, "base64").toString("hex");
      warning = `was base64; OTLP/JSON requires ${hexLen} hex characters`;
    } else {
      return { ok: false, reason: "invalid", detail: `must be ${hexLen} hex characters` };
    }
  } else {
    return { ok: false, reason: "invalid", detail: "must be a hex string" };
  }
  if (/^0+$/.test(hex)) return { ok: false, reason: "invalid", detail: "is all zeros" };
  return { ok: true, hex, warning };
}
