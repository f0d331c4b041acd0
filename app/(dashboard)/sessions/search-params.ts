export { groupListSearchParams as sessionsSearchParams } from "@/lib/dashboard/group-search-params";
