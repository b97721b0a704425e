// Starts Lvyue: opens the database, migrates, prepares users (and the demo plant), serves HTTP.
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { buildApp, planningHooks } from "./app.js";
import { MIN_PASSWORD_LENGTH, passwordWeakness } from "./core/auth/password-policy.js";
import { DEMO_USERS } from "./core/auth/roles.js";
import { upsertUser } from "./core/auth/store.js";
import type { Config } from "./core/config.js";
import { type Database, openDatabase } from "./core/db/connect.js";
import { migrateToLatest } from "./core/db/migrate.js";
import { translate } from "./core/i18n.js";
import { startWorker } from "./outbox/worker.js";
import { startReplanner } from "./planning/replanner.js";

export const VERSION: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

export async function openAndMigrate(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  await migrateToLatest(database.db);
  return database;
}

/** Demo mode (embedded database): one user per role, all with the demo password. */
export async function ensureDemoUsers(database: Database, password: string) {
  for (const user of DEMO_USERS) await upsertUser(database.db, { ...user, password });
}

export async function ensureAdmin(database: Database, password: string) {
  await upsertUser(database.db, { username: "admin", displayName: "系统管理员", roles: ["admin"], password });
}

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  options: { loadDemo?: (database: Database) => Promise<unknown>; log?: (line: string) => void } = {},
): Promise<Running> {
  const log = options.log ?? ((line: string) => console.log(line));
  // A server deployment's admin password is refused before anything opens, with the reason.
  if (config.databaseUrl && config.adminPassword) {
    const weakness = passwordWeakness(config.adminPassword, ["admin"]);
    if (weakness)
      throw new Error(
        `LVYUE_ADMIN_PASSWORD is refused: ${translate("en", `password.${weakness}`, { field: "LVYUE_ADMIN_PASSWORD", min: MIN_PASSWORD_LENGTH })}`,
      );
  }
  const database = await openAndMigrate(config);
  const demo = database.kind === "pglite";
  if (demo) {
    await ensureDemoUsers(database, config.demoPassword);
    if (options.loadDemo) await options.loadDemo(database);
  } else if (config.adminPassword) {
    await ensureAdmin(database, config.adminPassword);
  } else if (!(await database.db.selectFrom("users").select("id").where("username", "=", "admin").executeTakeFirst())) {
    log("Warning: no admin user yet. Set LVYUE_ADMIN_PASSWORD and restart to create it.");
  }
  const app = await buildApp({ db: database.db, kind: database.kind, config, version: VERSION, logger: config.logLevel !== "silent", listen: database.listen });
  const worker = startWorker(database.db, { log: (error) => app.log.error({ err: error }, "worker") });
  const replanner =
    config.replanSeconds > 0
      ? startReplanner(database.db, planningHooks, {
          listen: database.listen,
          minIntervalMs: config.replanSeconds * 1000,
          log: (error) => app.log.error({ err: error }, "replanner"),
        })
      : undefined;
  const address = await app.listen({ host: config.host, port: config.port });
  const url = address.replace("0.0.0.0", "127.0.0.1");
  database.lock?.describe(url);
  log(`Lvyue ${VERSION} listening on ${url} (database: ${database.kind}${demo ? `, data dir ${config.dataDir}` : ""})`);
  if (demo) log(`Demo users: ${DEMO_USERS.map((u) => u.username).join(", ")} — password: ${config.demoPassword}`);
  log(`API docs: ${url}/docs`);
  return {
    app,
    database,
    url,
    stop: async () => {
      await worker.stop();
      await replanner?.stop();
      await app.close();
      await database.close();
    },
  };
}
