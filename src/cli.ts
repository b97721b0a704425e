// The lvyue command: start the server, migrate, load the demo plant, manage API tokens.
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Command, Option } from "commander";
import { isRole, ROLES, type Role } from "./core/auth/roles.js";
import { createApiToken } from "./core/auth/store.js";
import { readConfig } from "./core/config.js";
import { backupDatabase, restoreDatabase } from "./core/db/backup.js";
import { openDatabase } from "./core/db/connect.js";
import { DataDirLocked } from "./core/db/data-dir-lock.js";
import { migrateToLatest } from "./core/db/migrate.js";
import { AppError } from "./core/errors.js";
import { IMPORT_KINDS, type ImportKind } from "./imports/model/fields.js";
import type { PolicyName } from "./simulation/model/simulate.js";

// The app's modules load only for the command that needs them, so a refused command answers at once.
const VERSION: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
const demoModules = async () => ({
  ...(await import("./demo/load-demo-plant.js")),
  ...(await import("./demo/shop-floor.js")),
  ...(await import("./demo/engineering-change.js")),
  ...(await import("./demo/take-morning-orders.js")),
  ...(await import("./demo/take-demo-quotes.js")),
  ...(await import("./rules/install-default-rules.js")),
  ...(await import("./stand-ins/demo-integrations.js")),
});

const program = new Command("lvyue").description("Lvyue (履约): order fulfilment hub for make-to-order manufacturers").version(VERSION);

program
  .command("start")
  .description("migrate the database and serve the app (embedded PGlite unless DATABASE_URL is set)")
  .option("--no-demo", "do not load the demo plant into an empty embedded database")
  .action(async (opts: { demo: boolean }) => {
    const config = readConfig();
    const { startServer } = await import("./server.js");
    const { loadDemoPlant, installDefaultRules, takeMorningOrders, takeDemoQuotes, startDemoStandIns, loadDemoShopFloor, loadDemoEngineeringChange } =
      await demoModules();
    const running = await startServer(config, {
      loadDemo: opts.demo
        ? async (database) => {
            const started = Date.now();
            const summary = await loadDemoPlant(database.db);
            await installDefaultRules(database.db);
            // A fresh demo opens on a working morning: orders just taken in, with the work they made.
            if (!summary.skipped) await takeMorningOrders(database.db);
            if (!summary.skipped) await takeDemoQuotes(database.db);
            await startDemoStandIns(database.db);
            if (!summary.skipped) await loadDemoShopFloor(database.db);
            if (!summary.skipped) await loadDemoEngineeringChange(database.db);
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
    const { openAndMigrate } = await import("./server.js");
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
    const { openAndMigrate, ensureDemoUsers } = await import("./server.js");
    const { loadDemoPlant, installDefaultRules, takeMorningOrders, takeDemoQuotes, loadDemoShopFloor, loadDemoEngineeringChange } = await demoModules();
    const database = await openAndMigrate(config);
    await ensureDemoUsers(database, config.demoPassword);
    const summary = await loadDemoPlant(database.db, { seed: Number(opts.seed) });
    await installDefaultRules(database.db);
    if (!summary.skipped) console.table(await takeMorningOrders(database.db));
    if (!summary.skipped) console.table(await takeDemoQuotes(database.db));
    console.table(summary);
    if (!summary.skipped) console.table(await loadDemoShopFloor(database.db));
    if (!summary.skipped) console.table(await loadDemoEngineeringChange(database.db));
    await database.close();
  });

program
  .command("backup")
  .description("write a backup of the database to a file (embedded: the data directory as .tar.gz; server: pg_dump custom format)")
  .argument("<file>", "where to write it")
  .action(async (file: string) => {
    const config = readConfig();
    if (config.databaseUrl) {
      await backupDatabase({ databaseUrl: config.databaseUrl }, file);
    } else {
      const database = await openDatabase({ dataDir: config.dataDir });
      try {
        await backupDatabase({ pglite: database.pglite! }, file);
      } finally {
        await database.close();
      }
    }
    console.log(`Backup written to ${file}`);
  });

program
  .command("restore")
  .description("replace the database with a backup made by `lvyue backup`, then migrate it (stop the server first)")
  .argument("<file>", "the backup file")
  .action(async (file: string) => {
    const config = readConfig();
    const { kept } = await restoreDatabase(file, config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
    console.log(`Restored from ${file}.${kept ? ` The previous data directory is kept as ${kept}.` : ""}`);
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
    const config = readConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
    await migrateToLatest(database.db);
    console.log(await createApiToken(database.db, opts.name, roles as Role[], "cli"));
    await database.close();
  });

program
  .command("import")
  .description("import a .xlsx/.csv ledger (legacy orders by default): a dry run first, then one transaction or nothing")
  .argument("<file>", "the .xlsx or .csv file")
  .option("--dry-run", "check every row and report what would be created or matched; write nothing")
  .option("--sheet <name>", "the sheet to read (default: the first)")
  .option(
    "--mapping <file>",
    'JSON {"field": "header or column letter", "values": {"status": {"返修": "delivered"}}}, or a saved template {"kind", "mapping", "values", "headerRow"}',
  )
  .option("--question-mark-is-yen", "the file lost its ¥ signs when saved as GBK (?49,318.70): read a leading ? as ¥")
  .addOption(new Option("--kind <kind>", "what the file holds").choices([...IMPORT_KINDS]).default("orders"))
  .option("--year <year>", "year for dates written without one (1月3日)")
  .option("--header-row <n>", "row number of the header when the guess is wrong")
  .option("--errors <file.xlsx>", "write the row errors to an Excel file")
  .option("--lang <lang>", "zh or en messages", "zh")
  .action(
    async (
      file: string,
      opts: {
        dryRun?: boolean;
        sheet?: string;
        mapping?: string;
        questionMarkIsYen?: boolean;
        kind: ImportKind;
        year?: string;
        headerRow?: string;
        errors?: string;
        lang: string;
      },
    ) => {
      const lang = opts.lang === "en" ? "en" : "zh";
      const { openAndMigrate } = await import("./server.js");
      const { runImport } = await import("./imports/run-import.js");
      const { progressPrinter, summaryRows } = await import("./imports/cli-report.js");
      const { exportXlsx } = await import("./exports/xlsx-export.js");
      let mapping: Record<string, string> = {};
      let values: Record<string, Record<string, string>> = {};
      let headerRow = opts.headerRow ? Number(opts.headerRow) : undefined;
      if (opts.mapping) {
        const parsed = JSON.parse(await readFile(opts.mapping, "utf8")) as {
          mapping?: Record<string, string>;
          values?: Record<string, Record<string, string>>;
          headerRow?: number;
        };
        const { values: answers, ...flat } = parsed;
        mapping = parsed.mapping && typeof parsed.mapping === "object" ? parsed.mapping : (flat as Record<string, string>);
        values = answers && typeof answers === "object" ? answers : {};
        headerRow ??= parsed.mapping ? parsed.headerRow : undefined;
      }
      const database = await openAndMigrate(readConfig());
      try {
        const report = await runImport(
          database.db,
          { kind: "user", id: 0, name: "cli", roles: ["admin"] },
          {
            buffer: await readFile(file),
            fileName: path.basename(file),
            kind: opts.kind,
            sheet: opts.sheet,
            mapping,
            values,
            questionMarkIsYen: Boolean(opts.questionMarkIsYen),
            headerRow,
            year: opts.year ? Number(opts.year) : undefined,
            dryRun: Boolean(opts.dryRun),
            lang,
            onProgress: progressPrinter(process.stderr),
          },
        );
        console.table(summaryRows(report));
        const errors = report.errors ?? [];
        if (errors.length) {
          console.table(errors.slice(0, 20).map((e) => ({ 行: e.row, 列: e.column || e.field, 值: e.value, 原因: e.message })));
          if (errors.length > 20) console.log(`… ${errors.length - 20} more`);
        }
        if (opts.errors) {
          const columns = [
            { header: "行号", kind: "integer" as const, value: (e: (typeof errors)[number]) => e.row },
            { header: "列", kind: "text" as const, value: (e: (typeof errors)[number]) => e.column || e.field },
            { header: "内容", kind: "text" as const, value: (e: (typeof errors)[number]) => e.value },
            { header: "原因", kind: "text" as const, width: 40, value: (e: (typeof errors)[number]) => e.message },
          ];
          await writeFile(
            opts.errors,
            await exportXlsx(
              "错误行",
              columns,
              (async function* () {
                yield errors;
              })(),
            ),
          );
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        console.error(error.toBody(lang).error.message);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    },
  );

program
  .command("simulate")
  .description("replay a seeded demand stream on a simulated shop floor with disturbances and score each promising policy")
  .option("--days <n>", "days orders come in", "90")
  .option("--seed <n>", "random seed", "1")
  .option("--surge", "add a three-day surge of four weeks' orders, 73% rush")
  .option("--policy <name>", "which policy to score (all, or one policy's name)", "all")
  .option("--json <file>", "write the scores as JSON")
  .option("--html <file>", "write the HTML report with the on-time-vs-quoted-lead chart")
  .option("--engine <engine>", "database: Lvyue's CTP through the use cases on an in-process database; model: the pure model only", "database")
  .option("--per-day <n>", "orders per working day", "6")
  .action(async (opts: { days: string; seed: string; surge?: boolean; policy: string; json?: string; html?: string; engine: string; perDay: string }) => {
    const { ALL_POLICIES, runSimulation } = await import("./simulation/run-simulation.js");
    const { planningHooks } = await import("./app.js");
    if (opts.engine !== "database" && opts.engine !== "model") program.error("--engine must be database or model");
    const { markdownTable } = await import("./simulation/model/report.js");
    if (opts.policy !== "all" && !ALL_POLICIES.includes(opts.policy as PolicyName)) {
      program.error(`--policy must be all or one of ${ALL_POLICIES.join(", ")}`);
    }
    const report = await runSimulation(
      {
        days: Number(opts.days),
        seed: Number(opts.seed),
        surge: Boolean(opts.surge),
        policies: opts.policy === "all" ? ALL_POLICIES : [opts.policy as PolicyName],
        json: opts.json,
        html: opts.html,
        engine: opts.engine as "database" | "model",
        perDay: Number(opts.perDay),
        planningHooks,
      },
      (line) => console.error(line),
    );
    console.log(markdownTable(report));
    console.log(`${report.orders} orders, ${report.elapsedSeconds.toFixed(1)} s`);
  });

// A second process on the embedded data directory is refused before it writes anything.
const THROUGH_THE_API: Record<string, string> = {
  token: 'create the token through the API instead: POST {url}/api/tokens {"name":"wms","roles":["integration"]} as an admin',
  import: "import through the API instead: POST {url}/api/imports (or the Import page)",
  backup: "stop the server first, then run lvyue backup",
  restore: "stop the server first, then run lvyue restore",
};

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof DataDirLocked)) throw error;
  const how = THROUGH_THE_API[process.argv[2] ?? ""] ?? "stop the server first, or do this through its API";
  console.error(`${error.message}\nThe server is running: ${how.replace("{url}", error.url ?? "http://<server>")}.`);
  process.exitCode = 2;
}
