"use client";

import { GroupDetailPage } from "@/components/events/group-detail-page";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { usersDetailSearchParams } from "./search-params";

export function UserClient({ id }: { id: string }) {
  const [state, setState] = useUrlState(usersDetailSearchParams);
  return <GroupDetailPage kind="users" id={id} state={state} setState={setState} />;
}
