// The architecture, checked (`npm run depcheck`, part of `npm test`). See CODE_STYLE.md, "Dependency rules".
// A capability is a folder src/<name>/ other than core; the app is assembled in src/app.ts, server.ts and cli.ts.
const READ_MODELS = "^src/(dashboards|metrics|ask)/";
// What a model/ file may not reach: drivers, HTTP, files, and the capability files that use them.
const IO_PACKAGES = "^(kysely|pg|pg-[a-z-]+|@electric-sql/pglite|fastify|@fastify/.+|exceljs|pdfkit|pino)$";
const IO_NODE = "^(node:)?(fs|fs/promises|http|https|net|child_process|worker_threads)$";

// No capability takes part in a cycle, with no exception: when a lower capability must call a higher one
// it declares a port (orders/hooks.ts, tasks/hooks.ts, inventory/hooks.ts) and src/app.ts plugs it in.
const capabilityCycleRules = [
  {
    name: "no-capability-cycles",
    comment:
      "Capabilities form a directed graph: when a lower one must call a higher one, it declares a port and src/app.ts plugs the higher one in (CODE_STYLE.md).",
    scope: "folder",
    severity: "error",
    from: { path: "^src/[^/]+$", pathNot: "^src/core$" },
    to: { circular: true },
  },
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...capabilityCycleRules,
    {
      name: "core-imports-no-capability",
      comment: "core is plumbing (db, errors, config, auth, HTTP): it knows no capability.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/", pathNot: "^src/core/" },
    },
    {
      name: "model-is-pure",
      comment: "model/ holds types and pure rules: no database, HTTP or files, no store or use-case file.",
      severity: "error",
      from: { path: "^src/[^/]+/model/" },
      to: {
        pathNot: "^src/[^/]+/model/|^src/core/(errors|money|i18n|plant-day)\\.ts$|^src/core/auth/roles\\.ts$|^src/core/http/schemas\\.ts$|(^|/)node_modules/(zod|json-logic-engine|chinese-days|dayjs|fastest-levenshtein)/|^(node:)?crypto$",
      },
    },
    {
      name: "model-uses-no-io-package",
      severity: "error",
      from: { path: "/model/" },
      to: { path: [IO_PACKAGES, IO_NODE] },
    },
    {
      name: "read-models-are-imported-by-no-capability",
      comment: "dashboards, metrics and ask read every capability's tables and write none; nothing but the app assembly depends on them.",
      severity: "error",
      from: { path: "^src/[^/]+/", pathNot: READ_MODELS },
      to: { path: READ_MODELS },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API, so dependency-cruiser parses with swc; type-only imports count too.
    parser: "swc",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.d\\.ts$" },
    metrics: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
