// Loads a figure and reloads it whenever a relevant change arrives (a burst reloads once, after 250 ms).
import { useCallback, useEffect, useRef, useState } from "react";
import { type Change, useLive } from "./live";

const DEBOUNCE_MS = 250;

export function useLiveData<T>(load: () => Promise<T>, deps: unknown[], relevant: (change: Change) => boolean = () => true) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<Date | undefined>(undefined);
  const { subscribe } = useLive();
  const loadRef = useRef(load);
  loadRef.current = load;
  const relevantRef = useRef(relevant);
  relevantRef.current = relevant;

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
      setError(undefined);
      setUpdatedAt(new Date());
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, []);

  // The caller's deps decide when to reload; compared by value so literals do not reload every render.
  const key = JSON.stringify(deps);
  useEffect(() => {
    if (key !== undefined) void reload();
  }, [reload, key]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe((change) => {
      if (!relevantRef.current(change)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [subscribe, reload]);

  return { data, error, loading, updatedAt, reload };
}
