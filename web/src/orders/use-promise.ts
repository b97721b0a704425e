// Asks POST /api/promise (which saves nothing) for the order being typed, at most once per pause in
// typing; a reply to an older version of the lines is dropped.
import { useEffect, useRef, useState } from "react";
import { api } from "../api/client";
import type { PromiseReply } from "../api/plan-types";

export interface PromiseDraft {
  customer?: string;
  requestedDate?: string;
  lines: { sku: string; qty: number }[];
}

export type PromiseState = { kind: "idle" } | { kind: "checking" } | { kind: "ready"; reply: PromiseReply } | { kind: "failed"; message: string };

export const PROMISE_DEBOUNCE_MS = 400;

export function usePromise(draft: PromiseDraft): PromiseState {
  const [state, setState] = useState<PromiseState>({ kind: "idle" });
  const latest = useRef(0);
  const key = JSON.stringify(draft);
  useEffect(() => {
    const request = JSON.parse(key) as PromiseDraft;
    const id = ++latest.current;
    if (!request.customer || !request.lines.length) {
      setState({ kind: "idle" });
      return;
    }
    setState({ kind: "checking" });
    const timer = setTimeout(() => {
      api<PromiseReply>("POST", "/api/promise", request)
        .then((reply) => id === latest.current && setState({ kind: "ready", reply }))
        .catch((e: Error) => id === latest.current && setState({ kind: "failed", message: e.message }));
    }, PROMISE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return state;
}
