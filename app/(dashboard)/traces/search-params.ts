export { groupListSearchParams as tracesSearchParams } from "@/lib/dashboard/group-search-params";
