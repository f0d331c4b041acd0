import { z } from "zod";
import { ValidationError } from "@/lib/api/errors";
import { parseBody, parseQuery } from "@/lib/api/parse-query";
import { readBody } from "@/lib/api/read-body";
import { parseReferenceCsv } from "./parse-reference-csv";
import { setReferenceSchema, type SetReferenceInput } from "./schemas";

/** Uploaded datasets may be larger than ordinary JSON bodies. */
const MAX_REFERENCE_BYTES = 20 * 1024 * 1024;

const csvQuerySchema = z.object({ name: z.string().min(1).max(200), version: z.string().min(1).max(100).optional() });

/** The reference request as JSON, or a CSV dataset named by the query string. */
export async function readReferenceBody(req: Request): Promise<SetReferenceInput> {
  const { mediaType, bytes } = await readBody(req, { accept: ["application/json", "text/csv"], maxBytes: MAX_REFERENCE_BYTES });
  const text = bytes.toString("utf8");
  if (mediaType === "text/csv") {
    const q = parseQuery(csvQuerySchema, new URL(req.url));
    return parseBody(setReferenceSchema, { kind: "dataset", name: q.name, version: q.version, rows: parseReferenceCsv(text) });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ValidationError("Body is not valid JSON");
  }
  return parseBody(setReferenceSchema, data);
}
