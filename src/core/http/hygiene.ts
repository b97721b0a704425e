// Input hygiene in one place: no string a caller sends (body, query, path parameter, or a key of an
// object in the body) may hold a control character other than tab and line breaks, or a lone surrogate.
// PostgreSQL refuses NUL in text and jsonb and broken surrogates in jsonb, so such input would
// otherwise fail deep inside a use case; here it is refused first, naming the field.
import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.js";
import { fieldPath } from "./validation-errors.js";

// C0 controls except \t \n \r, DEL and the C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// With the u flag a surrogate pair reads as one code point; only a lone surrogate matches.
const LONE_SURROGATE = /\p{Cs}/u;

declare module "fastify" {
  interface FastifyContextConfig {
    /** A body field whose array items the use case checks one by one (a batch refuses only the bad item). */
    perItem?: string;
  }
}

export function isCleanString(s: string): boolean {
  return !CONTROL.test(s) && !LONE_SURROGATE.test(s);
}

/** The path (`lines[0].note`) of the first string in `value` that is not clean, or undefined. */
export function findUncleanField(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === "string") return isCleanString(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUncleanField(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isCleanString(key)) return [...path, key.replace(CONTROL, "?")];
      const found = findUncleanField(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws a 400 naming the field when `value` holds an unclean string; `context` names a bare value. */
export function assertClean(value: unknown, context: string): void {
  const found = findUncleanField(value);
  if (!found) return;
  const field = fieldPath(found) || context;
  throw new AppError("invalid", "field.control_char", { field }, field);
}

export function registerInputHygiene(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    // The web app's catch-all parameter is the path itself.
    const { "*": path, ...params } = (request.params ?? {}) as Record<string, unknown>;
    assertClean(path, "path");
    assertClean(params, "params");
    assertClean(request.query, "query");
    const perItem = request.routeOptions.config?.perItem;
    if (perItem && request.body && typeof request.body === "object" && !Array.isArray(request.body)) {
      const { [perItem]: items, ...rest } = request.body as Record<string, unknown>;
      assertClean(rest, "body");
      if (!Array.isArray(items)) assertClean(items, perItem);
    } else assertClean(request.body, "body");
  });
}
