import { benchImport } from "../bench/import.js";
console.table(await benchImport((process.argv[2] ?? "pglite") as any, 32000));
