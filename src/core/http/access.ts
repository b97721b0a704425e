// Authentication and authorisation for every route: each route declares `config.access`, and the
// app refuses to start if one does not. The check runs before validation and the handler.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Principal } from "../auth/principal.js";
import type { PrincipalCache } from "../auth/principal-cache.js";
import { hasPermission, type Permission, rolesWith } from "../auth/roles.js";
import { principalFromApiToken, principalFromSession } from "../auth/store.js";
import type { DB } from "../db/schema.js";
import { AppError } from "../errors.js";

export const SESSION_COOKIE = "lvyue_session";

export type Access = Permission | "public";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError("unauthenticated", "auth.required");
  return request.principal;
}

/** Who the request's credentials name now (undefined once signed out, expired or revoked). */
export async function resolvePrincipal(db: Kysely<DB>, principals: PrincipalCache, request: FastifyRequest): Promise<Principal | undefined> {
  const auth = request.headers.authorization;
  if (auth?.startsWith("Bearer ")) return principals.resolve(`token ${auth.slice(7).trim()}`, (key) => principalFromApiToken(db, key.slice(6)));
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? principals.resolve(`session ${cookie}`, (key) => principalFromSession(db, key.slice(8))) : undefined;
}

export function registerAccessControl(app: FastifyInstance, db: Kysely<DB>, principals: PrincipalCache) {
  app.addHook("onRoute", (route) => {
    const access = route.config?.access;
    const internal = route.url.startsWith("/docs") || route.url === "*";
    if (!access && !internal) throw new Error(`route ${route.method} ${route.url} declares no access`);
  });
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config?.access ?? "public";
    if (access === "public") return;
    const principal = await resolvePrincipal(db, principals, request);
    if (!principal) throw new AppError("unauthenticated", "auth.required");
    request.principal = principal;
    if (!hasPermission(principal.roles, access)) {
      throw new AppError("forbidden", "auth.forbidden", { roles: principal.roles.join(","), allowed: rolesWith(access).join(",") });
    }
  });
}
