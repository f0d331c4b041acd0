"use client";

import { GroupListPage } from "@/components/events/group-list-page";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { sessionsSearchParams } from "./search-params";

export function SessionsClient() {
  const [state, setState] = useUrlState(sessionsSearchParams);
  return <GroupListPage kind="sessions" state={state} setState={setState} />;
}
