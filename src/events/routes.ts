// GET /api/events/stream: Server-Sent Events of the committed changes the caller may see.
import type { FastifyInstance } from "fastify";
import { requirePrincipal } from "../core/http/access.js";
import type { ChangeHub } from "./change-hub.js";
import { maySee } from "./model/change.js";

const HEARTBEAT_MS = 15_000;

export function eventRoutes(app: FastifyInstance, hub: ChangeHub) {
  const open = new Set<() => void>();
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
        summary: "Server-Sent Events (text/event-stream): one `change` message per committed change you may see, across all app instances",
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
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
      const unsubscribe = hub.subscribe((change) => {
        if (maySee(change, principal.roles)) res.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(": ping\n\n"), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      open.add(end);
      request.raw.on("close", end);
    },
  );
}
