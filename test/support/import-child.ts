// Runs one import commit in its own process against a server database and stalls after the first
// written chunk, transaction open, so the crash test can kill it mid-commit.
import { readFile } from "node:fs/promises";
import { openDatabase } from "../../src/core/db/connect.js";
import { runImport } from "../../src/imports/run-import.js";

const [databaseUrl, file] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl, poolSize: 2 });
await runImport(
  database.db,
  { kind: "user", id: 0, name: "crash-test", roles: ["admin"] },
  {
    buffer: await readFile(file),
    fileName: "ledger.xlsx",
    kind: "orders",
    dryRun: false,
    lang: "en",
    onProgress: (phase, done, total) => {
      if (phase !== "write" || done >= total) return;
      process.stdout.write(`written ${done}/${total}\n`);
      // Block this process (and its open transaction) until it is killed.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    },
  },
);
process.stdout.write("finished\n");
await database.close();
