// Whether a box is narrower than a width: a table in a side column at 1440 px is as cramped as one on a
// phone, so lists choose cards by the room they have, not by the screen.
import { useLayoutEffect, useRef, useState } from "react";

/** Below this width (px) a list of orders reads better as cards than as a table. */
export const CARD_WIDTH = 560;

export function useNarrow<T extends HTMLElement>(below = CARD_WIDTH) {
  const ref = useRef<T>(null);
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setNarrow(el.clientWidth > 0 && el.clientWidth < below);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [below]);
  return [ref, narrow] as const;
}
