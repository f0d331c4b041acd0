export { groupListSearchParams as usersSearchParams } from "@/lib/dashboard/group-search-params";
