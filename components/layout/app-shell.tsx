import { Suspense } from "react";
import { MobileMenu } from "./mobile-menu";
import { NavLink } from "./nav-link";
import { ProjectSwitcher } from "./project-switcher";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export interface ShellUser {
  email: string;
  projects: { slug: string; name: string }[];
}

const NAV = [
  { href: "/", label: "Overview", exact: true, icon: "M3 12h4l3-8 4 16 3-8h4" },
  { href: "/prompts", label: "Prompts", icon: "M4 6h16M4 12h10M4 18h7" },
  { href: "/events", label: "Events", icon: "M4 5h16v14H4zM4 10h16M9 10v9" },
  { href: "/traces", label: "Traces", icon: "M4 6h8M8 12h8M12 18h8" },
  { href: "/sessions", label: "Sessions", icon: "M5 5h14v10H9l-4 4z" },
  { href: "/users", label: "Users", icon: "M12 12a4 4 0 100-8 4 4 0 000 8zM4 20c0-4 4-6 8-6s8 2 8 6" },
  { href: "/spend", label: "Spend", icon: "M12 3v18M16.5 7.5c0-1.9-2-3-4.5-3s-4.5 1.1-4.5 3 2 2.6 4.5 3 4.5 1.3 4.5 3.3-2 3.2-4.5 3.2-4.5-1.2-4.5-3" },
  { href: "/settings/prices", label: "Price book", icon: "M4 4h9l7 7-9 9-7-7zM8.5 8.5h.01" },
  { href: "/review", label: "Review", icon: "M9 11l3 3 8-8M20 12v7H4V5h11" },
  { href: "/alerts", label: "Alerts", icon: "M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20h4" },
];

/** Id of the region the skip link jumps to. */
export const CONTENT_ID = "content";

function Logo() {
  return (
    <svg viewBox="0 0 24 24" className="size-5 text-accent" aria-hidden>
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="12" cy="12" r="3" fill="currentColor" />
    </svg>
  );
}

/** Project switcher, navigation and account controls: the sidebar on wide screens, the menu on phones. */
function NavContents({ user }: { user: ShellUser }) {
  return (
    <>
      <Suspense>
        <ProjectSwitcher projects={user.projects} />
        <nav className="mt-3 flex flex-col gap-0.5" aria-label="Main">
          {NAV.map((n) => (
            <NavLink key={n.href} href={n.href} exact={n.exact}>
              <svg viewBox="0 0 24 24" className="size-4" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
                <path d={n.icon} />
              </svg>
              {n.label}
            </NavLink>
          ))}
        </nav>
      </Suspense>
      <div className="mt-auto flex flex-col gap-1.5 border-t border-border px-2 pt-3">
        <span className="truncate text-xs text-muted" title={user.email}>
          {user.email}
        </span>
        <div className="flex gap-3">
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </>
  );
}

export function AppShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href={`#${CONTENT_ID}`}
        className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
      >
        Skip to content
      </a>
      <div className="hidden w-52 shrink-0 border-r border-border bg-surface md:block">
        <aside className="sticky top-0 flex h-screen flex-col px-2 py-3" aria-label="Sidebar">
          <div className="mb-4 flex items-center gap-2 px-2">
            <Logo />
            <span className="text-sm font-semibold tracking-tight">Sightline</span>
          </div>
          <NavContents user={user} />
        </aside>
      </div>
      <MobileMenu brand={<><Logo /><span className="text-sm font-semibold tracking-tight">Sightline</span></>}>
        <NavContents user={user} />
      </MobileMenu>
      <div id={CONTENT_ID} tabIndex={-1} className="min-w-0 flex-1 outline-none">
        {children}
      </div>
    </div>
  );
}
