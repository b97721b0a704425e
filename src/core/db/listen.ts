// LISTEN on a channel of the database: a dedicated connection on a server (pooled connections come and
// go), PGlite's own listen on the embedded database. Either way every app instance hears every commit.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

export function pgliteListen(pglite: PGlite): Listen {
  return async (channel, onPayload) => pglite.listen(channel, onPayload);
}

export function serverListen(databaseUrl: string, log: (error: Error) => void = () => {}): Listen {
  return async (channel, onPayload) => {
    let client: pg.Client | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async () => {
      const next = new pg.Client({ connectionString: databaseUrl });
      next.on("notification", (n) => {
        if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
      });
      // A lost listening connection is reopened: missing notifications is better than a dead stream.
      next.on("error", (error) => {
        log(error);
        next.end().catch(() => {});
        if (!stopped) retry = setTimeout(() => void connect().catch(log), 1000);
      });
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      client = next;
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    };
  };
}
