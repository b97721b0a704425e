// Asks a route that saves nothing about the order being typed, at most once per pause in typing; a reply
// to an older draft is dropped, so a slow answer never overwrites a newer one.
import { useEffect, useRef, useState } from "react";
import { api } from "../api/client";

export type DraftAnswer<R> = { kind: "idle" } | { kind: "checking" } | { kind: "ready"; reply: R } | { kind: "failed"; message: string };

export const DRAFT_DEBOUNCE_MS = 400;

/** `generation`: a change that should ask again although the draft is the same (e.g. after a save). */
export function useDraftAnswer<R>(path: string, draft: { customer?: string; lines: unknown[] }, generation = 0): DraftAnswer<R> {
  const [state, setState] = useState<DraftAnswer<R>>({ kind: "idle" });
  const latest = useRef(0);
  const key = JSON.stringify(draft);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` asks again after a save changed what the server sees
  useEffect(() => {
    const request = JSON.parse(key) as typeof draft;
    const id = ++latest.current;
    if (!request.customer || !request.lines.length) {
      setState({ kind: "idle" });
      return;
    }
    setState({ kind: "checking" });
    const timer = setTimeout(() => {
      api<R>("POST", path, request)
        .then((reply) => id === latest.current && setState({ kind: "ready", reply }))
        .catch((e: Error) => id === latest.current && setState({ kind: "failed", message: e.message }));
    }, DRAFT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [path, key, generation]);
  return state;
}
