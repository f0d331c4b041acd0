import { z } from "zod";
import { instantParam } from "@/lib/time/ranges";

export const performanceQuerySchema = z
  .object({
    from: instantParam.optional(),
    to: instantParam.optional(),
    interval: z.enum(["1h", "1d"]).default("1d"),
    version: z.string().min(1).max(100).optional(),
    /** Classification or regression; guessed from the labels when absent. */
    task: z.enum(["classification", "regression"]).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: "from must be before to", path: ["from"] });
export type PerformanceQuery = z.output<typeof performanceQuerySchema>;

const classMetrics = z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number().int() });
const classification = z.object({
  count: z.number().int(),
  accuracy: z.number(),
  precisionMacro: z.number(),
  recallMacro: z.number(),
  f1Macro: z.number(),
  perClass: z.array(classMetrics),
  confusion: z.object({ classes: z.array(z.string()), matrix: z.array(z.array(z.number().int())) }),
  rocAuc: z.number().nullable(),
});
const regression = z.object({ count: z.number().int(), mae: z.number(), rmse: z.number(), mape: z.number().nullable() });
const summary = z.object({
  predictions: z.number().int(),
  labelled: z.number().int(),
  labelCoverage: z.number(),
  medianLabelDelayMs: z.number().nullable(),
  classification: classification.nullable(),
  regression: regression.nullable(),
});

export const performanceReportSchema = z.object({
  model: z.string(),
  from: z.string(),
  to: z.string(),
  interval: z.enum(["1h", "1d"]),
  task: z.enum(["classification", "regression"]),
  overall: summary,
  series: z.array(summary.extend({ t: z.string() })),
  versions: z.array(summary.extend({ version: z.string().nullable() })),
});
export type PerformanceReport = z.output<typeof performanceReportSchema>;
