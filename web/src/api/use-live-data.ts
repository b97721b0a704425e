// Loads a figure through the query cache and refetches it when a relevant live change arrives. The cache
// keys each load by its deps, so a slow reply for earlier deps can never overwrite the current figure.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useId, useRef } from "react";
import type { Change } from "./live";

export function useLiveData<T>(load: () => Promise<T>, deps: unknown[], relevant: (change: Change) => boolean = () => true) {
  const loadRef = useRef(load);
  loadRef.current = load;
  const relevantRef = useRef(relevant);
  relevantRef.current = relevant;
  // Stable for the query's life, reads the latest predicate of the component that asked.
  const isRelevant = useCallback((change: Change) => relevantRef.current(change), []);
  const query = useQuery({
    queryKey: ["live", useId(), ...deps],
    queryFn: () => loadRef.current(),
    meta: { relevant: isRelevant },
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: query.isFetching,
    updatedAt: query.dataUpdatedAt ? new Date(query.dataUpdatedAt) : undefined,
    reload,
  };
}
