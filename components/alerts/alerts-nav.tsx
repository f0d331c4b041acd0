"use client";

import { usePathname } from "next/navigation";
import { StickyLink } from "@/components/layout/nav-link";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/alerts", label: "Rules" },
  { href: "/alerts/incidents", label: "Incidents" },
  { href: "/alerts/channels", label: "Channels" },
];

export function AlertsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Alerts" className="flex gap-1">
      {TABS.map((t) => {
        const active = t.href === "/alerts" ? pathname === t.href : pathname.startsWith(t.href);
        return (
          <StickyLink key={t.href} href={t.href} aria-current={active ? "page" : undefined} className={cn("rounded-md px-2 py-1 text-xs font-medium", active ? "bg-surface-2 text-fg" : "text-muted hover:text-fg")}>
            {t.label}
          </StickyLink>
        );
      })}
    </nav>
  );
}
