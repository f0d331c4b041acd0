import { Suspense } from "react";
import { TimeControls } from "./time-controls";

/** Title row of a dashboard page, with the time controls on the right. */
export function PageHeader({ title, subtitle, crumbs, timeControls = true, children }: {
  title: React.ReactNode;
  subtitle?: React.ReactNode;
  crumbs?: React.ReactNode;
  timeControls?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <header className="sticky top-0 z-20 border-b border-border bg-bg/90 px-5 py-2.5 backdrop-blur">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          {crumbs ? <div className="text-[11px] text-muted">{crumbs}</div> : null}
          <h1 className="flex items-center gap-2 truncate text-base font-semibold tracking-tight">{title}</h1>
          {subtitle ? <p className="text-xs text-muted">{subtitle}</p> : null}
        </div>
        <div className="flex items-center gap-2">
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
