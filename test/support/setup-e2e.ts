// Global setup of the browser tests: a fresh build of the web app (skipped when it is newer than every
// source file) and their own migrated PGlite template. Nothing to do without the system's Chromium.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "vite";
import { CHROMIUM } from "../e2e/support/browser.js";
import { setupPglite } from "./global-setup.js";
import { E2E_TEMPLATE_DUMP } from "./test-db.js";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

export default async function setupE2e() {
  if (!existsSync(CHROMIUM)) {
    console.warn(`\nBrowser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium fonts-noto-cjk).\n`);
    return;
  }
  const index = path.resolve("web/dist/index.html");
  const sources = Math.max(
    newest(path.resolve("web/src")),
    statSync(path.resolve("web/index.html")).mtimeMs,
    statSync(path.resolve("package-lock.json")).mtimeMs,
  );
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: slower, and not
    // what people run. Build what `npm start` serves.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ configFile: path.resolve("web/vite.config.ts"), logLevel: "warn", mode: "production" });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  await setupPglite(E2E_TEMPLATE_DUMP);
}
