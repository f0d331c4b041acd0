import type { Db } from "@/db/client";
import type { StoreItem } from "@/lib/ingest/store-events";
import { governEvent, withGoverned } from "./govern-event";
import { ingestPolicy } from "./ingest-policy";

/** Native ingest: redaction and the injection flag for validated events, before the store transaction. */
export async function governItems(db: Db, projectId: number, items: StoreItem[]): Promise<void> {
  if (items.length === 0) return;
  const policy = await ingestPolicy(db, projectId);
  for (const item of items) {
    const { extra, governed } = governEvent(item.event as unknown as Record<string, unknown>, item.extra, policy);
    item.extra = withGoverned(extra, governed);
  }
}
