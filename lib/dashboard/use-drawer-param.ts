"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";
import type { SetUrlStateOptions, UrlPatch } from "./use-url-state";

/**
 * Open/close for a drawer kept in the URL (`?event=`). Opening is a history entry, so Back
 * closes the drawer instead of leaving the page; closing a drawer opened here goes back to
 * that entry rather than stacking a second copy of the page behind it.
 */
export function useDrawerParam(key: string, setState: (patch: UrlPatch, options?: SetUrlStateOptions) => void) {
  const router = useRouter();
  const openedHere = useRef(false);
  const open = useCallback(
    (id: string) => {
      openedHere.current = true;
      setState({ [key]: id });
    },
    [key, setState],
  );
  const close = useCallback(() => {
    if (openedHere.current) {
      openedHere.current = false;
      router.back();
    } else setState({ [key]: undefined }, { history: "replace" });
  }, [key, router, setState]);
  return { open, close };
}
