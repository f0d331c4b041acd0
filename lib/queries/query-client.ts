import { QueryClient, defaultShouldDehydrateQuery } from "@tanstack/react-query";

/** One factory for the browser and for server-side prefetching, so both agree on staleTime. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
      dehydrate: { shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) || q.state.status === "pending" },
    },
  });
}
