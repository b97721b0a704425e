// Opens the one database the app writes to: embedded PGlite (data dir on disk) or a PostgreSQL server.
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from "kysely";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.js";
import { type Listen, pgliteListen, serverListen } from "./listen.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { DB } from "./schema.js";

export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  /** Present on PGlite only: used to dump the data dir (tests) and to close cleanly. */
  pglite?: PGlite;
  /** LISTEN to a NOTIFY channel: how every app instance hears of every committed change. */
  listen: Listen;
  /** Present on an embedded data directory: this process's lock on it (data-dir-lock.ts). */
  lock?: DataDirLock;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

// bigserial ids fit in a JS number; dates stay calendar dates, never shifted by a time zone.
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
const pgliteParsers = {
  [INT8]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
  [NUMERIC]: (v: string) => v,
};

/**
 * Marks a statement worth preparing once per server connection: long, its text the same from one run to
 * the next (values travel as parameters). Parsing and planning such a statement (an intake's, with a
 * dozen data-modifying CTEs) costs more than running it; a prepared one is planned once per connection.
 */
export const PREPARE = "/* prepared */ ";
// At most this many distinct texts are prepared (on each connection): a bound on the server's memory.
const MAX_PREPARED = 200;
const preparedNames = new Map<string, string>();

function nameToPrepare(text: string): string | undefined {
  if (!text.startsWith(PREPARE)) return undefined;
  const known = preparedNames.get(text);
  if (known || preparedNames.size >= MAX_PREPARED) return known;
  const name = `lvyue_${preparedNames.size}`;
  preparedNames.set(text, name);
  return name;
}

/** A pg pool whose clients send marked statements as named (prepared) ones. */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      const query = (text: unknown, values?: readonly unknown[]) => {
        const name = typeof text === "string" ? nameToPrepare(text) : undefined;
        // biome-ignore lint/suspicious/noExplicitAny: passes Kysely's calls (text and values, or a cursor) through
        return name ? client.query({ name, text: text as string, values: values as unknown[] }) : client.query(text as any, values as unknown[]);
      };
      return { query: query as unknown as PostgresPoolClient["query"], release: () => client.release() };
    },
    end: () => pool.end(),
  };
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A dump made with PGlite's dumpDataDir(), to start from instead of an empty database. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server dropped (restart, failover, or a closing pool's sockets ending after
    // pool.end() resolved) is discarded by the pool; the next query opens a fresh one.
    pool.on("error", (error) => {
      if (!pool.ending) console.warn(`Lvyue: an idle database connection was lost (${error.message}); it will be reopened.`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    return { db, kind: "postgres", listen: serverListen(options.databaseUrl), close: () => db.destroy() };
  }
  const lock = options.dataDir ? lockDataDir(options.dataDir) : undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, parsers: pgliteParsers });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite, nameToPrepare) });
  return {
    db,
    kind: "pglite",
    pglite,
    listen: pgliteListen(pglite),
    lock,
    close: async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
