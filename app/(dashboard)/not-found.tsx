import { Suspense } from "react";
import { NotFoundView } from "@/components/layout/not-found-view";

/** Unknown routes, models, prompts and traces: a 404 inside the app shell, with a way home. */
export default function DashboardNotFound() {
  return (
    <Suspense>
      <NotFoundView />
    </Suspense>
  );
}
