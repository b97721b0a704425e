// HTTP routes of users and roles administration: admin only.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../core/http/app.js";
import { errorReplies } from "../core/http/schemas.js";
import { createUser, listUsers, updateUser } from "./manage-users.js";
import { createUserBody, patchUserBody, usernameParam, userReply } from "./schemas.js";

export function userRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/users",
    {
      config: { access: "users.admin" },
      schema: {
        tags: ["users"],
        summary: "People who can sign in, with their roles",
        response: { 200: z.object({ users: z.array(userReply) }), ...errorReplies },
      },
    },
    async () => listUsers(deps.db),
  );
  r.post(
    "/api/users",
    {
      config: { access: "users.admin" },
      schema: {
        tags: ["users"],
        summary: "Add a person: username, display name, roles (not integration) and an initial password (stored as an argon2 hash)",
        body: createUserBody,
        response: { 201: userReply, ...errorReplies },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(deps.db, request.body)),
  );
  r.patch(
    "/api/users/:username",
    {
      config: { access: "users.admin" },
      schema: {
        tags: ["users"],
        summary:
          "Change a person's display name, roles or active flag, or reset the password (ends their sessions); the last active admin cannot be deactivated or lose the admin role",
        params: usernameParam,
        body: patchUserBody,
        response: { 200: userReply, ...errorReplies },
      },
    },
    async (request) => updateUser(deps.db, request.params.username, request.body),
  );
}
