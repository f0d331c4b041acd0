import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "./errors";

const gunzipAsync = promisify(gunzip);

export interface ReadBodyOptions {
  /** Accepted media types, e.g. ["application/json"]. */
  accept: string[];
  /** Limit after decompression (and before it, for the bytes on the wire). */
  maxBytes: number;
}

export interface RawBody {
  mediaType: string;
  bytes: Buffer;
}

export function mediaTypeOf(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * Reads a request body under a byte limit, checking the media type first (415) and
 * gunzipping `Content-Encoding: gzip` bodies (413 past the limit, 400 when corrupt).
 */
export async function readBody(req: Request, opts: ReadBodyOptions): Promise<RawBody> {
  const mediaType = mediaTypeOf(req);
  if (!opts.accept.includes(mediaType)) {
    throw new UnsupportedMediaTypeError(
      `Content-Type must be ${opts.accept.join(" or ")}${mediaType ? `, got ${mediaType}` : ""}`,
    );
  }
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") {
    throw new UnsupportedMediaTypeError(`Content-Encoding must be gzip or identity, got ${encoding}`);
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > opts.maxBytes) throw tooLarge(opts.maxBytes);
  const wire = await readLimited(req, opts.maxBytes);
  if (encoding === "identity") return { mediaType, bytes: wire };
  try {
    return { mediaType, bytes: await gunzipAsync(wire, { maxOutputLength: opts.maxBytes }) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(opts.maxBytes);
    throw new ValidationError("Body is not valid gzip data", [{ path: "body", message: (err as Error).message }]);
  }
}

async function readLimited(req: Request, maxBytes: number): Promise<Buffer> {
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? Buffer.from(chunks[0].buffer, chunks[0].byteOffset, chunks[0].byteLength) : Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number) {
  return new PayloadTooLargeError(`Body exceeds ${maxBytes} bytes (after decompression)`);
}
