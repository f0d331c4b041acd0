"use client";

import { usePathname } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { notFoundSubject } from "@/lib/dashboard/not-found-subject";
import { StickyLink } from "./nav-link";

/** Body of every not-found page: says what was missing and offers the way back. */
export function NotFoundView() {
  const pathname = usePathname();
  const subject = notFoundSubject(pathname ?? "/");
  return (
    <main className="flex flex-col items-start gap-3 p-3 sm:p-5">
      <p className="text-[11px] font-medium uppercase tracking-wide text-muted">404</p>
      <h1 className="text-base font-semibold tracking-tight [overflow-wrap:anywhere]">{subject.title}</h1>
      <p className="text-xs text-muted [overflow-wrap:anywhere]">{subject.detail}</p>
      <div className="flex flex-wrap gap-2">
        <StickyLink href="/" className={buttonClass("primary")}>
          Go to the overview
        </StickyLink>
        <StickyLink href="/events" className={buttonClass()}>
          Search events
        </StickyLink>
      </div>
    </main>
  );
}
