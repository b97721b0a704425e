// HTTP routes of users and roles administration: admin only (options and schemas in schemas.ts).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { createApiToken } from "../core/auth/store.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { createUser, listUsers, updateUser } from "./manage-users.js";
import { createTokenRoute, createUserRoute, listUsersRoute, patchUserRoute } from "./schemas.js";

export function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/users", listUsersRoute, async () => listUsers(deps.db));
  r.post("/api/users", createUserRoute, async (request, reply) => reply.status(201).send(await createUser(deps.db, request.body, requirePrincipal(request))));
  r.patch("/api/users/:username", patchUserRoute, async (request) => {
    const user = await updateUser(deps.db, request.params.username, request.body, requirePrincipal(request));
    deps.principals.forget();
    return user;
  });
  r.post("/api/tokens", createTokenRoute, async (request, reply) => {
    const { name, roles } = request.body;
    const token = await createApiToken(deps.db, name, roles, requirePrincipal(request).name);
    return reply.status(201).send({ name, roles, token });
  });
}
