// What the server log must never hold: credentials (passwords, session cookies, bearer tokens, the
// capability tokens of public links) and the data a failed statement carried (PGlite's errors keep the
// statement's parameters, a server's the offending key values). Pino's `redact` (fast-redact) censors
// the paths below wherever the logged object has them; URLs are logged with their secrets masked.
import type { FastifyRequest } from "fastify";
import { stdSerializers } from "pino";

export const REDACTED = "[redacted]";

export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "err.params",
  "err.parameters",
  "err.detail",
  "err.where",
  "err.queryOptions",
  "*.password",
  "*.newPassword",
  "*.token",
  "*.apiKey",
  "*.secret",
  "body.password",
];

const SECRET_QUERY = /([?&](?:token|key|access_token|password|secret|sign)=)[^&#]*/gi;
// Public pages whose path segment is itself the credential: a status link, a warranty card.
const SECRET_PATH = /^\/(s|w)\/[^/?#]+/;

export function maskUrl(url: string): string {
  return url.replace(SECRET_PATH, `/$1/${REDACTED}`).replace(SECRET_QUERY, `$1${REDACTED}`);
}

/** Fastify's request serializer, with the URL masked. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: maskUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

// A database's message may quote the value it could not take ("invalid input syntax for type integer:
// \"<a customer's text>\""): the quoted part is masked in errors that carry an SQLSTATE.
const QUOTED = /"(?:[^"\\]|\\.)*"/g;
const isDatabaseError = (error: unknown) => typeof (error as { code?: unknown })?.code === "string" && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);

/** Pino's error serializer, with a database error's quoted values masked in its message and stack. */
export function serializeError(error: Error) {
  const serialized = stdSerializers.err(error);
  if (!isDatabaseError(error)) return serialized;
  const mask = (text: string) => text.replace(QUOTED, `"${REDACTED}"`);
  return { ...serialized, message: mask(serialized.message), ...(serialized.stack ? { stack: mask(serialized.stack) } : {}) };
}
