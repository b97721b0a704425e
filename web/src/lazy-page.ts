// A page loaded when it is first shown: each page, with what only it uses (charts, the rule builder, the
// scanner), is its own chunk, so signing in or opening one board does not download and compile them all.
import { type ComponentType, lazy } from "react";

export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
