import { and, asc, eq, gt } from "drizzle-orm";
import { reviewItem } from "@/db/schema";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { consensusLabel } from "./consensus";
import { csvHeader, csvRows, jsonlLine, type ExportItem } from "./export-format";
import { loadPublicEvents } from "./load-events";
import { loadQueue, type QueueRow } from "./load-queue";
import { currentVerdicts, verdictsOf } from "./load-verdicts";

const PAGE = 200;

export interface QueueExport {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/**
 * A queue's items with their events, every verdict and the final label, as CSV or JSONL. The body
 * is produced page by page as the client reads it (items in id order, PAGE at a time), so a large
 * queue is never held in memory and a slow client slows the reads, not the server.
 */
export async function exportQueue(ctx: ServiceContext, input: { queueId: number; format: "csv" | "jsonl" }): Promise<QueueExport> {
  authorize(ctx, "review:manage");
  const queue = await loadQueue(ctx, input.queueId);
  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let chunk = "";
        if (!started) {
          started = true;
          if (input.format === "csv") chunk += csvHeader(queue.rubric);
        }
        const page = await exportPage(ctx, queue, after);
        for (const item of page) chunk += input.format === "csv" ? csvRows(queue.rubric, item) : jsonlLine(item);
        if (chunk) controller.enqueue(encoder.encode(chunk));
        if (page.length < PAGE) controller.close();
        else after = page[page.length - 1].itemId;
      } catch (err) {
        controller.error(err);
      }
    },
  }, { highWaterMark: 1 });
  const slug = queue.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || `queue-${queue.id}`;
  return {
    stream,
    contentType: input.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    filename: `${slug}.${input.format}`,
  };
}

/** One page of export records after item id `after`. */
export async function exportPage(ctx: ServiceContext, queue: QueueRow, after: number): Promise<ExportItem[]> {
  const items = await ctx.db.orm.select().from(reviewItem)
    .where(and(eq(reviewItem.queueId, queue.id), gt(reviewItem.id, after))).orderBy(asc(reviewItem.id)).limit(PAGE);
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const [events, verdicts] = await Promise.all([loadPublicEvents(ctx.db, ctx.projectId, items.map((i) => i.eventId)), verdictsOf(ctx.db, ids)]);
  const current = currentVerdicts(verdicts);
  const currentIds = new Set([...current.values()].flat().map((v) => v.id));
  return items.map((item) => {
    const e = events.get(item.eventId);
    const mine = verdicts.filter((v) => v.itemId === item.id);
    const agreeing = (current.get(item.id) ?? []).filter((v) => !v.gold).map((v) => v.values);
    const finalLabel = consensusLabel(queue.rubric, agreeing, item.finalValues ?? null);
    return {
      itemId: item.id,
      eventId: e?.id ?? String(item.eventId),
      enqueuedAt: new Date(item.enqueuedAt).toISOString(),
      isGold: item.isGold,
      event: {
        timestamp: e?.timestamp ?? new Date(Math.floor(item.eventId / 1024)).toISOString(),
        model: e?.model ?? null, modelVersion: e?.modelVersion ?? null, promptId: e?.promptId ?? null,
        promptVersion: e?.promptVersion ?? null, environment: e?.environment ?? "",
        flagged: e?.hallucination ? e.hallucination.flagged : null, hallucinationScore: e?.hallucination?.score ?? null,
        input: e?.input === undefined ? null : typeof e.input === "string" ? e.input : JSON.stringify(e.input),
        output: e?.output ?? null,
      },
      verdicts: mine.map((v) => ({
        id: v.id, reviewer: v.reviewer, createdAt: new Date(v.createdAt).toISOString(), values: v.values,
        comment: v.comment, correctedOutput: v.correctedOutput, supersedes: v.supersedes, current: currentIds.has(v.id), gold: v.gold,
      })),
      finalLabel,
      finalSource: item.finalValues ? "adjudication" : finalLabel ? "consensus" : null,
    };
  });
}
