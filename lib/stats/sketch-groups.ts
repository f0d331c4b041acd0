import type { DDSketch } from "@datadog/sketches-js";
import type { TiedGroup } from "./mann-whitney";

/**
 * A DDSketch as tied groups: one group per non-empty bin, valued at the bin's representative
 * value (within 1 % of every value in it). Bins of the same mapping line up across sketches, so
 * two versions' latencies can be ranked together without reading raw events.
 */
export function sketchToGroups(sketch: DDSketch): TiedGroup[] {
  const groups: TiedGroup[] = [];
  const { store, negativeStore, mapping } = sketch;
  for (let i = 0; i < negativeStore.bins.length; i++) {
    const c = negativeStore.bins[i];
    if (c > 0) groups.push({ value: -mapping.value(i + negativeStore.offset), count: c });
  }
  if (sketch.zeroCount > 0) groups.push({ value: 0, count: sketch.zeroCount });
  for (let i = 0; i < store.bins.length; i++) {
    const c = store.bins[i];
    if (c > 0) groups.push({ value: mapping.value(i + store.offset), count: c });
  }
  return groups;
}
