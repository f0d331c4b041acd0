import { z } from "zod";

const instant = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = typeof v === "number" || /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time or epoch milliseconds" });
    return z.NEVER;
  }
  return ms;
});

/** `from`/`to`/`interval` query parameters of the dashboard read endpoints (default: last 24 h). */
export const windowQuerySchema = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    interval: z.enum(["1m", "1h", "1d"]).optional(),
  })
  .transform((q) => {
    const to = q.to ?? Date.now();
    return { from: q.from ?? to - 86_400_000, to, interval: q.interval };
  })
  .refine((q) => q.from < q.to, { message: "from must be before to", path: ["from"] });

export type WindowQuery = z.output<typeof windowQuerySchema>;
