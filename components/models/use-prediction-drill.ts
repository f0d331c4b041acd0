"use client";

import { useRouter } from "next/navigation";
import { eventsHref } from "@/lib/dashboard/drill-down";
import { bucketBounds } from "@/lib/charts/prepare-time-series";

/**
 * The ML tab charts' drill-down: a bucket opens the explorer on that model's predictions (of
 * the selected version, if any) within the bucket, clipped to the window's end.
 */
export function usePredictionDrill(project: string | null, model: string, version: string | undefined) {
  const router = useRouter();
  return (t: number, stepMs: number, windowTo: number) => router.push(eventsHref({ project, type: "prediction", model, modelVersion: version, ...bucketBounds(t, stepMs, windowTo) }));
}
