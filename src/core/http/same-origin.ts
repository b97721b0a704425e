// Cross-site request forgery: a browser adds the session cookie to a post from any site (SameSite=Lax
// still lets a top-level form through, and a sibling subdomain is "same site"). Every state-changing
// request that a browser marks as coming from elsewhere is refused, JSON and multipart alike: its
// Origin (or, without one, its Referer) must be this server's own host or an origin the operator
// allows. The checks are the ones OWASP's CSRF cheat sheet gives for "verifying origin with standard
// headers"; a request with neither header is not a browser's cross-site one (scripts, the CLI, tokens).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Where a state-changing request came from, if a browser said so and it is not allowed; else undefined. */
export function foreignOrigin(request: FastifyRequest, allowed: ReadonlySet<string>): string | undefined {
  if (SAFE.has(request.method)) return undefined;
  const origin = request.headers.origin ?? request.headers.referer;
  const fetchSite = request.headers["sec-fetch-site"];
  if (!origin) return fetchSite === "cross-site" ? String(fetchSite) : undefined;
  // "null": a sandboxed frame, a data: URL or a redirect across sites.
  if (origin === "null") return origin;
  const host = hostOf(origin);
  if (!host) return origin;
  if (host === request.host.toLowerCase()) return undefined;
  const full = new URL(origin).origin.toLowerCase();
  return allowed.has(full) ? undefined : full;
}

export function registerSameOriginCheck(app: FastifyInstance, allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map((o) => new URL(o).origin.toLowerCase()));
  app.addHook("onRequest", async (request) => {
    const foreign = foreignOrigin(request, allowed);
    if (foreign) throw new AppError("forbidden", "request.cross_site", { origin: foreign });
  });
}
