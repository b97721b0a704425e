// GET /api/events/stream: Server-Sent Events of the committed changes the caller may see, for as long
// as the caller's session (or token) lasts, and at most a few streams per caller on each instance.
import type { FastifyInstance } from "fastify";
import { AppError } from "../core/errors.js";
import { requirePrincipal, resolvePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import type { ChangeHub } from "./change-hub.js";
import { maySee } from "./model/change.js";

const HEARTBEAT_MS = 15_000;
/** Open streams per signed-in person or token on one instance: a browser keeps one per tab. */
export const MAX_STREAMS_PER_CALLER = 8;

export function eventRoutes(app: FastifyInstance, hub: ChangeHub, deps: Pick<AppDeps, "db" | "principals">, options: { heartbeatMs?: number } = {}) {
  const open = new Set<() => void>();
  const perCaller = new Map<string, number>();
  // Streams never go idle, so the server would wait for them forever on close: end them first.
  app.addHook("preClose", async () => {
    for (const end of open) end();
  });

  app.get(
    "/api/events/stream",
    {
      config: { access: "session" },
      schema: {
        tags: ["events"],
        summary:
          "Server-Sent Events (text/event-stream): one `change` message per committed change you may see, across all app instances; ends with the session (429 beyond 8 open streams per caller)",
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const caller = `${principal.kind}:${principal.id}`;
      const count = perCaller.get(caller) ?? 0;
      if (count >= MAX_STREAMS_PER_CALLER) throw new AppError("rate_limited", "events.too_many_streams", { max: MAX_STREAMS_PER_CALLER });
      perCaller.set(caller, count + 1);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        // Proxies such as nginx would otherwise buffer the stream.
        "x-accel-buffering": "no",
      });
      res.write("retry: 2000\n: connected\n\n");
      let ended = false;
      const unsubscribe = hub.subscribe((change) => {
        if (maySee(change, principal.roles)) res.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
      });
      // The session may end (sign-out, expiry, account disabled, roles changed, token revoked): every
      // such change forgets the cached principals, and the heartbeat covers plain expiry.
      const stillSignedIn = async () => {
        if (ended) return;
        const now = await resolvePrincipal(deps.db, deps.principals, request).catch(() => undefined);
        if (!now || now.roles.join(",") !== principal.roles.join(",")) end();
      };
      const stopWatching = deps.principals.onForget(() => void stillSignedIn());
      const heartbeat = setInterval(() => {
        res.write(": ping\n\n");
        void stillSignedIn();
      }, options.heartbeatMs ?? HEARTBEAT_MS);
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        stopWatching();
        open.delete(end);
        const left = (perCaller.get(caller) ?? 1) - 1;
        if (left > 0) perCaller.set(caller, left);
        else perCaller.delete(caller);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      request.raw.on("close", end);
    },
  );
}
