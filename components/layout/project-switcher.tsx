"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Select } from "@/components/ui/input";

/** Switches the `?project=` of the current page; hidden when the user has one project. */
export function ProjectSwitcher({ projects }: { projects: { slug: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  if (projects.length < 2) {
    return <div className="truncate px-2 text-xs text-muted">{projects[0]?.name ?? ""}</div>;
  }
  const current = sp.get("project") ?? projects[0].slug;
  return (
    <Select
      aria-label="Project"
      value={current}
      className="mx-2"
      onChange={(e) => {
        const next = new URLSearchParams(sp.toString());
        next.set("project", e.target.value);
        router.push(`${pathname === "/" ? "/" : pathname.split("/").slice(0, 2).join("/")}?${next.toString()}`);
      }}
    >
      {projects.map((p) => (
        <option key={p.slug} value={p.slug}>
          {p.name}
        </option>
      ))}
    </Select>
  );
}
