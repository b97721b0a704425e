import { defineConfig } from "vitest/config";

// Integration tests run twice: on embedded PGlite and on the PostgreSQL server (TEST_DATABASE_URL).
const integration = (db: "pglite" | "postgres") => ({
  test: {
    name: db,
    include: ["test/integration/**/*.test.ts", "test/security/**/*.test.ts"],
    env: { LVYUE_TEST_DB: db },
    globalSetup: [`test/support/setup-${db}.ts`],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files share the worker's loaded modules instead of importing the app anew each (about 40% of the
    // integration suites' CPU time went to imports). Safe because no test mocks modules or changes globals, and
    // the app's caches are keyed by database handle.
    isolate: false,
  },
});

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker (cores − 1): the suite then ran every file in series while
    // PostgreSQL and PGlite wait on I/O half the time. Two workers fill both cores.
    maxWorkers: 2,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts", "test/demo/**/*.test.ts"], testTimeout: 60_000 } },
      integration("pglite"),
      integration("postgres"),
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          env: { LVYUE_TEST_DB: "pglite", LVYUE_TEST_DUMP: "e2e" },
          globalSetup: ["test/support/setup-e2e.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time, and only after the other projects: the machine has 2 cores, and the
          // integration suites' timing tests must not compete with Chromium.
          fileParallelism: false,
          // The files run in one process and share one Chromium (test/e2e/support/browser.ts sharedChromium).
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Timing under load (issue 19: /api/health p99 < 100 ms during a 50 MB dry run): alone, after every
        // other project, so the figure is the server's and not the other test files' competing for 2 cores.
        test: {
          name: "load",
          include: ["test/load/**/*.test.ts"],
          env: { LVYUE_TEST_DB: "pglite" },
          globalSetup: ["test/support/setup-pglite.ts"],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
