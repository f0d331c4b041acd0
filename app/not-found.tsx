import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Fallback for 404s outside the dashboard layout; dashboard paths use app/(dashboard)/not-found.tsx. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-[11px] font-medium uppercase tracking-wide text-muted">404</p>
      <h1 className="text-base font-semibold tracking-tight">Page not found</h1>
      <Link href="/" className={buttonClass("primary")}>
        Go to the overview
      </Link>
    </main>
  );
}
