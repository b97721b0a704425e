// Sign-in and sign-out for people; the session lives in the database so any instance can serve it.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../errors.js";
import { requirePrincipal, SESSION_COOKIE } from "../http/access.js";
import type { AppDeps } from "../http/app-deps.js";
import { errorReplies } from "../http/schemas.js";
import { LoginLockout } from "./login-lockout.js";
import { decoyHash, verifyPassword } from "./secrets.js";
import { createSession, deleteSession, findUserForLogin } from "./store.js";

const userReply = z.object({ user: z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()) }) });

export function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const lockout = new LoginLockout(deps.config.loginAttemptsPerUser, deps.config.loginWindowMinutes * 60_000);
  r.post(
    "/api/auth/login",
    {
      // Throttled per client address (@fastify/rate-limit) and locked per username after repeated
      // failures (LoginLockout): while locked every attempt answers 429, right password or not.
      config: {
        access: "public",
        rateLimit: { max: deps.config.loginAttemptsPerAddress, timeWindow: deps.config.loginWindowMinutes * 60_000, groupId: "login-address" },
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in: sets the session cookie (throttled per address and per username)",
        body: z.strictObject({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) }),
        response: { 200: userReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const wait = lockout.lockedFor(request.body.username);
      if (wait) {
        reply.header("retry-after", String(wait));
        throw new AppError("rate_limited", "auth.locked", { after: wait });
      }
      const user = await findUserForLogin(deps.db, request.body.username);
      // An unknown user's password is checked too (against a decoy), so the answer takes as long as for
      // a known one and does not tell which usernames exist.
      const verified = await verifyPassword(user?.password_hash ?? (await decoyHash()), request.body.password);
      if (!user || !verified) {
        lockout.failed(request.body.username);
        throw new AppError("unauthenticated", "auth.bad_credentials");
      }
      lockout.succeeded(request.body.username);
      const token = await createSession(deps.db, user.id, deps.config.sessionHours);
      // Secure whenever the browser reached us over TLS (directly, or through a proxy named in LVYUE_TRUST_PROXY).
      const secure = request.protocol === "https";
      reply.setCookie(SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: deps.config.sessionHours * 3600 });
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
