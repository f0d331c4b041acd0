"use client";

import { GroupDetailPage } from "@/components/events/group-detail-page";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { sessionsDetailSearchParams } from "./search-params";

export function SessionClient({ id }: { id: string }) {
  const [state, setState] = useUrlState(sessionsDetailSearchParams);
  return <GroupDetailPage kind="sessions" id={id} state={state} setState={setState} />;
}
