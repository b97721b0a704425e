// Loads a figure and reloads it whenever a relevant change arrives: at once when nothing is loading (a
// live board must show a report within a second, decision 0061), and a burst that arrives while it
// loads is folded into one more load after it.
import { useCallback, useEffect, useRef, useState } from "react";
import { type Change, useLive } from "./live";

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
    let inFlight = false;
    let again = false;
    let stopped = false;
    const run = async () => {
      inFlight = true;
      try {
        do {
          again = false;
          await reload();
        } while (again && !stopped);
      } finally {
        inFlight = false;
      }
    };
    const unsubscribe = subscribe((change) => {
      if (!relevantRef.current(change)) return;
      if (inFlight) again = true;
      else void run();
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [subscribe, reload]);

  return { data, error, loading, updatedAt, reload };
}
