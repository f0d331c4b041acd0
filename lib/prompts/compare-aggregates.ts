import type { Aggregate } from "@/lib/metrics/aggregate";
import { mannWhitneyGroups } from "@/lib/stats/mann-whitney";
import { sketchToGroups } from "@/lib/stats/sketch-groups";
import { twoProportionZTest } from "@/lib/stats/two-proportion";
import { VERDICT_PHRASES } from "@/lib/stats/verdict-phrases";
import { verdictText, type Direction } from "@/lib/stats/verdict";

export interface SignificanceTest {
  metric: "latency" | "errorRate" | "hallucinationRate";
  test: "mann-whitney-u" | "two-proportion-z";
  nA: number;
  nB: number;
  statistic: number | null;
  pValue: number | null;
  significant: boolean;
  /** Direction of B relative to A. */
  direction: Direction;
  verdict: string;
}

export interface VersionComparison {
  a: string;
  b: string;
  tests: SignificanceTest[];
}

const NOT_ENOUGH = "Not enough data to compare";

/** Mann–Whitney U on the merged latency sketches; two-proportion z-tests on error and hallucination rates. */
export function compareAggregates(aName: string, a: Aggregate, bName: string, b: Aggregate): VersionComparison {
  const tests: SignificanceTest[] = [];

  const mw = a.sketch.count > 0 && b.sketch.count > 0 ? mannWhitneyGroups(sketchToGroups(a.sketch), sketchToGroups(b.sketch)) : null;
  tests.push(
    mw
      ? {
          metric: "latency",
          test: "mann-whitney-u",
          nA: mw.nA,
          nB: mw.nB,
          statistic: mw.uB,
          pValue: mw.pValue,
          ...verdictOf(aName, bName, mw.pValue, mw.uB > mw.uA, VERDICT_PHRASES.latency),
        }
      : empty("latency", "mann-whitney-u", a.sketch.count, b.sketch.count),
  );

  const rate = (metric: "errorRate" | "hallucinationRate", xA: number, nA: number, xB: number, nB: number) => {
    const z = twoProportionZTest(xA, nA, xB, nB);
    tests.push(
      z
        ? {
            metric,
            test: "two-proportion-z",
            nA,
            nB,
            statistic: z.z,
            pValue: z.pValue,
            ...verdictOf(aName, bName, z.pValue, z.pB > z.pA, VERDICT_PHRASES[metric]),
          }
        : empty(metric, "two-proportion-z", nA, nB),
    );
  };
  rate("errorRate", a.errorCount, a.count, b.errorCount, b.count);
  rate("hallucinationRate", a.flaggedCount, a.judgedCount, b.flaggedCount, b.judgedCount);
  return { a: aName, b: bName, tests };
}

function verdictOf(a: string, b: string, pValue: number, bIsHigher: boolean, words: { higher: string; lower: string }) {
  const v = verdictText({ a, b, pValue, bIsHigher, words });
  return { significant: v.significant, direction: v.direction, verdict: v.text };
}

function empty(metric: SignificanceTest["metric"], test: SignificanceTest["test"], nA: number, nB: number): SignificanceTest {
  return { metric, test, nA, nB, statistic: null, pValue: null, significant: false, direction: "none", verdict: NOT_ENOUGH };
}
