import type { Db } from "@/db/client";
import type { GroupBy, MetricName, RuleScope } from "@/lib/alerts/rules/rule-schema";

/** One window's question to a metric source. */
export interface MetricQuery {
  projectId: number;
  scope: RuleScope;
  groupBy: GroupBy | null;
  from: number;
  to: number;
  /** The rule's answer is capped at this many groups (the busiest ones). */
  maxGroups: number;
  now: number;
}

/** One group's reading; an ungrouped rule gets one reading with key "". */
export interface MetricReading {
  key: string;
  labels: Record<string, string>;
  value: number | null;
  /** The denominator behind the value (calls, judged calls, labels…): the minimum-sample guard reads it. */
  samples: number;
}

export type MetricUnit = "count" | "ratio" | "ms" | "usd" | "tokens" | "score";

/**
 * A metric rules can watch. One file per family under lib/alerts/metrics/, listed in
 * lib/alerts/metrics/index.ts; a metric without a registered source is refused at rule creation.
 */
export interface MetricSource {
  name: MetricName;
  label: string;
  unit: MetricUnit;
  read(db: Db, q: MetricQuery): Promise<MetricReading[]>;
  /**
   * The scope fields and group-bys this metric can honour, when not all of them: a rule naming
   * another is refused at creation (400 naming the field) rather than silently ignoring it.
   */
  supports?: { scope: readonly (keyof RuleScope)[]; groupBy: readonly GroupBy[] };
}
