import { z } from "zod";
import { routingSchema } from "./routing";
import { rubricSchema } from "./rubric";

/**
 * The queue request schemas, in a file of their own so the queue form in the browser validates
 * with the very schema the API uses (lib/review/schemas.ts re-exports them; it also imports the
 * events service, which has no place in a client bundle).
 */
export const createQueueSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  instructions: z.string().max(20_000).optional(),
  rubric: rubricSchema,
  routing: routingSchema.optional(),
  reviewersPerItem: z.number().int().min(1).max(3),
  assignees: z.array(z.string().email().max(320)).max(200).optional(),
  correctedOutput: z.boolean().optional(),
  goldRate: z.number().min(0).max(0.5).optional(),
});
export type CreateQueueInput = z.output<typeof createQueueSchema>;

/**
 * Every field may change except the rubric's keys and types once verdicts exist (checked by the
 * service): a verdict must stay readable against the rubric it was given under.
 */
export const updateQueueSchema = createQueueSchema.partial().extend({
  routing: routingSchema.nullable().optional(),
});
export type UpdateQueueInput = z.output<typeof updateQueueSchema>;
