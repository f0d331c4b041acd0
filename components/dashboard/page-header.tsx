import { Suspense } from "react";
import { TimeControls } from "./time-controls";

/** Title row of a dashboard page, with the time controls on the right (below the title on phones). */
export function PageHeader({ title, subtitle, crumbs, timeControls = true, children }: {
  title: React.ReactNode;
  subtitle?: React.ReactNode;
  crumbs?: React.ReactNode;
  timeControls?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <header className="border-b border-border bg-bg/90 px-3 py-2.5 backdrop-blur sm:px-5 md:sticky md:top-0 md:z-20">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0 max-w-full">
          {crumbs ? <div className="text-[11px] text-muted">{crumbs}</div> : null}
          <h1 className="flex min-w-0 items-center gap-2 text-base font-semibold tracking-tight [overflow-wrap:anywhere]">{title}</h1>
          {subtitle ? <p className="text-xs text-muted">{subtitle}</p> : null}
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          {children}
          {timeControls ? (
            <Suspense>
              <TimeControls />
            </Suspense>
          ) : null}
        </div>
      </div>
    </header>
  );
}
