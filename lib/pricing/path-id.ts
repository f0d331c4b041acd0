import { NotFoundError } from "@/lib/api/errors";

/** A numeric path id (`/prices/{id}`); anything else cannot name a row: 404. */
export function pathId(raw: string | undefined, what: string): number {
  const id = Number(raw);
  if (!raw || !/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id)) throw new NotFoundError(`No ${what} ${JSON.stringify(raw ?? "")}`);
  return id;
}
