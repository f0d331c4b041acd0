"use client";

import { GroupListPage } from "@/components/events/group-list-page";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { tracesSearchParams } from "./search-params";

export function TracesClient() {
  const [state, setState] = useUrlState(tracesSearchParams);
  return <GroupListPage kind="traces" state={state} setState={setState} />;
}
