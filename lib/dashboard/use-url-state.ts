"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { z } from "zod";
import { parseSearchParams } from "./search-params";

export type UrlPatch = Record<string, string | number | boolean | undefined | null>;

export interface SetUrlStateOptions {
  /**
   * "push" (default) makes the change a history entry, so Back undoes a filter or range
   * change; "replace" is for changes made while typing, which would flood the history.
   */
  history?: "push" | "replace";
}

/**
 * Typed URL state for a page: reads with the page's zod schema, writes through the router so
 * every filter change is a shareable link and a history entry. Setting a key to
 * undefined/"" removes it.
 */
export function useUrlState<S extends z.ZodType>(schema: S) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // Two updates in one tick (pick A, then B) must compose: the second starts from the first's
  // result, not from the searchParams snapshot the router has not caught up with yet.
  const pending = useRef<string | null>(null);
  const pendingMode = useRef<"push" | "replace">("push");
  useEffect(() => {
    pending.current = null;
  }, [searchParams]);
  const state = useMemo(() => parseSearchParams(schema, searchParams) as z.infer<S>, [schema, searchParams]);
  const setState = useCallback(
    (patch: UrlPatch, options: SetUrlStateOptions = {}) => {
      const sp = new URLSearchParams(pending.current ?? searchParams.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === "") sp.delete(k);
        else sp.set(k, String(v));
      }
      const qs = sp.toString();
      if (qs === searchParams.toString() && pending.current === null) return;
      // A second change in the same tick joins the first one's history entry: the router commits
      // only the last navigation of a tick, so it must repeat the first one's push.
      const mode = pending.current !== null ? pendingMode.current : (options.history ?? "push");
      pending.current = qs;
      pendingMode.current = mode;
      router[mode](qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
  return [state, setState] as const;
}
