import { z } from "zod";

/**
 * A queue's routing rule: which newly stored events enter it automatically. Every given condition
 * must hold; `sampleRate` then keeps that share of the matches. An empty rule routes nothing (a
 * queue fed only by hand would otherwise swallow every event).
 */
export const routingSchema = z
  .object({
    flagged: z.boolean().optional(),
    sampleRate: z.number().min(0).max(1).optional(),
    model: z.string().min(1).max(200).optional(),
    modelVersion: z.string().min(1).max(100).optional(),
    promptId: z.string().min(1).max(200).optional(),
    promptVersion: z.number().int().min(1).optional(),
    environment: z.string().min(1).max(100).optional(),
  })
  .strict();

export type Routing = z.output<typeof routingSchema>;

/** Whether a rule selects anything at all (a bare `{}` does not). */
export function routesAnything(r: Routing | null): r is Routing {
  return !!r && Object.values(r).some((v) => v !== undefined) && r.sampleRate !== 0;
}

/**
 * Deterministic sampling: an event is in the sample when a hash of (queue, event) falls below the
 * rate, so re-reading the same events (the routing job overlaps its windows) decides the same way,
 * and different queues sample independently.
 */
export function inSample(queueId: number, eventId: number, rate: number): boolean {
  if (rate >= 1) return true;
  if (rate <= 0) return false;
  return hashUnit(queueId, eventId) < rate;
}

/** A 32-bit mix (murmur3 finaliser) of the queue id and both halves of the 53-bit event key → [0, 1). */
export function hashUnit(queueId: number, eventId: number): number {
  let h = Math.imul(queueId, 0x9e3779b1) ^ (eventId >>> 0);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= Math.floor(eventId / 2 ** 32);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
