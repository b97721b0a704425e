// The web app's API types are generated from /openapi.json: a route whose schema changed without
// `npm run build:web` (which rewrites web/src/api/contract.ts) fails here, not in a user's browser.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { CONTRACT_FILE, readSpec, renderContract } from "../../scripts/generate-web-types.js";

it("web/src/api/contract.ts is what the server's schemas generate today", async () => {
  const spec = await readSpec();
  expect(Object.keys(spec.paths).length).toBeGreaterThan(60);
  const fresh = await renderContract(spec);
  expect(fresh).toContain('"GET /api/orders/{orderNo}": {');
  expect(readFileSync(CONTRACT_FILE, "utf8") === fresh, "web/src/api/contract.ts is stale: run npm run build:web and commit it").toBe(true);
});
