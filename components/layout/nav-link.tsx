"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** URL keys that follow you between pages: the project and the time controls. */
export const STICKY_PARAMS = ["project", "range", "from", "to", "refresh"] as const;

export function useStickyHref(href: string): string {
  const sp = useSearchParams();
  const url = new URL(href, "http://x");
  for (const k of STICKY_PARAMS) {
    const v = sp.get(k);
    if (v && !url.searchParams.has(k)) url.searchParams.set(k, v);
  }
  return url.pathname + url.search;
}

export function NavLink({ href, children, exact }: { href: string; children: React.ReactNode; exact?: boolean }) {
  const pathname = usePathname();
  const target = useStickyHref(href);
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={target}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex h-7 items-center gap-2 rounded-md px-2 text-[13px] font-medium",
        active ? "bg-surface-2 text-fg" : "text-muted hover:bg-surface-2/60 hover:text-fg",
      )}
    >
      {children}
    </Link>
  );
}

/** An in-app link that keeps project and time range. */
export function StickyLink({ href, className, children, ...rest }: React.ComponentProps<typeof Link> & { href: string }) {
  const target = useStickyHref(href);
  return (
    <Link href={target} className={className} {...rest}>
      {children}
    </Link>
  );
}
