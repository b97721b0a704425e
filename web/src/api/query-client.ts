// The one cache of server data (TanStack Query). A query is refetched when a live change it cares about
// arrives (its meta.relevant), never on focus or by retrying: the event stream is what says data changed.
import { QueryClient } from "@tanstack/react-query";
import type { Change } from "./live";

export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Number.POSITIVE_INFINITY } },
});

/** Which queries a live change touches: each declares it through meta.relevant(change). */
export type Relevant = (change: Change) => boolean;

/** Refetch every query that cares about one of the changes (an in-flight fetch is replaced, not raced). */
export function invalidateFor(changes: Change[]) {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const relevant = query.meta?.relevant as Relevant | undefined;
      return relevant !== undefined && changes.some((change) => relevant(change));
    },
  });
}
