// The lvyue command: start the server, migrate, load the demo plant, manage API tokens.
import { Command, Option } from "commander";
import { isRole, ROLES, type Role } from "./core/auth/roles.js";
import { createApiToken } from "./core/auth/store.js";
import { readConfig } from "./core/config.js";
import { loadDemoPlant } from "./demo/load-demo-plant.js";
import { installDefaultRules } from "./rules/install-default-rules.js";
import { ensureDemoUsers, openAndMigrate, startServer, VERSION } from "./server.js";
import { startDemoStandIns } from "./stand-ins/demo-integrations.js";

const program = new Command("lvyue").description("Lvyue (履约): order fulfilment hub for make-to-order manufacturers").version(VERSION);

program
  .command("start")
  .description("migrate the database and serve the app (embedded PGlite unless DATABASE_URL is set)")
  .option("--no-demo", "do not load the demo plant into an empty embedded database")
  .action(async (opts: { demo: boolean }) => {
    const config = readConfig();
    const running = await startServer(config, {
      loadDemo: opts.demo
        ? async (database) => {
            const started = Date.now();
            const summary = await loadDemoPlant(database.db);
            await installDefaultRules(database.db);
            await startDemoStandIns(database.db);
            if (!summary.skipped) console.log(`Demo plant loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          }
        : undefined,
    });
    const shutdown = async () => {
      await running.stop();
      process.exit(0);
    };
    process.once("SIGINT", shutdown);
    process.once("SIGTERM", shutdown);
  });

program
  .command("migrate")
  .description("apply pending migrations and exit")
  .action(async () => {
    const database = await openAndMigrate(readConfig());
    console.log(`Database (${database.kind}) is at the latest migration.`);
    await database.close();
  });

program
  .command("demo")
  .description("load the deterministic demo plant (users, master data, stock, calendar, orders) into an empty database")
  .option("--seed <n>", "random seed", "20260218")
  .action(async (opts: { seed: string }) => {
    const config = readConfig();
    const database = await openAndMigrate(config);
    await ensureDemoUsers(database, config.demoPassword);
    const summary = await loadDemoPlant(database.db, { seed: Number(opts.seed) });
    await installDefaultRules(database.db);
    console.table(summary);
    await database.close();
  });

const token = program.command("token").description("API tokens for integrations (EDI, WMS)");
token
  .command("create")
  .description("create a token and print it once")
  .requiredOption("--name <name>", "what the token is for, e.g. wms")
  .addOption(new Option("--roles <roles>", "comma-separated roles").default("integration"))
  .action(async (opts: { name: string; roles: string }) => {
    const roles = opts.roles.split(",").map((r) => r.trim());
    const bad = roles.find((r) => !isRole(r));
    if (bad) program.error(`unknown role ${bad}; roles: ${ROLES.join(", ")}`);
    const database = await openAndMigrate(readConfig());
    console.log(await createApiToken(database.db, opts.name, roles as Role[], "cli"));
    await database.close();
  });

await program.parseAsync(process.argv);
