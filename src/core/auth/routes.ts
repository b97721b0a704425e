// Sign-in and sign-out for people; the session lives in the database so any instance can serve it.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import { requirePrincipal, SESSION_COOKIE } from "../http/access.js";
import type { AppDeps } from "../http/app-deps.js";
import { errorReplies } from "../http/schemas.js";
import { verifyPassword } from "./secrets.js";
import { createSession, deleteSession, findUserForLogin } from "./store.js";

const userReply = z.object({ user: z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()) }) });

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign in: sets the session cookie",
        body: z.strictObject({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }),
        response: { 200: userReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const user = await findUserForLogin(deps.db, request.body.username);
      // Verify against a hash even for unknown users would hide timing; argon2 dominates either way.
      if (!user || !(await verifyPassword(user.password_hash, request.body.password))) {
        throw new AppError("unauthenticated", "auth.bad_credentials");
      }
      const token = await createSession(deps.db, user.id, deps.config.sessionHours);
      reply.setCookie(SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", maxAge: deps.config.sessionHours * 3600 });
      return { user: { username: user.username, displayName: user.display_name, roles: user.roles } };
    },
  );
  r.post(
    "/api/auth/logout",
    { config: { access: "session" }, schema: { tags: ["auth"], summary: "End the session", response: { 204: z.null(), ...errorReplies } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(deps.db, token);
      deps.principals.forget();
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );
  r.get(
    "/api/auth/me",
    {
      config: { access: "session" },
      schema: {
        tags: ["auth"],
        summary: "Who am I",
        response: { 200: z.object({ name: z.string(), displayName: z.string(), kind: z.string(), roles: z.array(z.string()) }), ...errorReplies },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const user = p.kind === "user" ? await deps.db.selectFrom("users").select("display_name").where("id", "=", p.id).executeTakeFirst() : undefined;
      return { name: p.name, displayName: user?.display_name ?? p.name, kind: p.kind, roles: p.roles };
    },
  );
}
