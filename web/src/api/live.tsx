// One Server-Sent Events connection per signed-in tab: a change refetches the queries it touches, and
// components may also subscribe to the changes themselves.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import { invalidateFor } from "./query-client";

const BURST_MS = 250;

export interface Change {
  kind: string;
  action: string;
  orderNo?: string;
  [key: string]: unknown;
}
type Listener = (change: Change) => void;

interface Live {
  connected: boolean;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ connected: false, subscribe: () => () => {} });

export function LiveProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    // EventSource reconnects by itself (the server sends retry: 2000).
    const source = new EventSource("/api/events/stream");
    // The first change refetches at once (a live board shows a report within a second, decision 0061);
    // what arrives in the next 250 ms is folded into one more refetch, and so on while the burst lasts.
    let burst: Change[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (burst.length === 0) return;
      void invalidateFor(burst);
      burst = [];
      timer = setTimeout(flush, BURST_MS);
    };
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("change", (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as Change;
      for (const listener of listeners.current) listener(change);
      burst.push(change);
      if (timer === undefined) flush();
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, []);
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  return <LiveContext.Provider value={{ connected, subscribe }}>{children}</LiveContext.Provider>;
}

export const useLive = () => useContext(LiveContext);
