"use client";

import { GroupListPage } from "@/components/events/group-list-page";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { usersSearchParams } from "./search-params";

export function UsersClient() {
  const [state, setState] = useUrlState(usersSearchParams);
  return <GroupListPage kind="users" state={state} setState={setState} />;
}
