// In demo mode the credit provider and the robot webhooks are local stand-ins (there is no bank or
// WeCom here); they are configured as the "default" provider and the "purchasing-alerts" robot
// unless an admin has configured real ones.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import { getIntegration, putIntegration } from "../settings/integration-settings.js";
import { startStandIns } from "./cli.js";

export async function startDemoStandIns(db: Kysely<DB>) {
  try {
    const standIns = await startStandIns();
    if (!(await getIntegration(db, "credit", "default"))) {
      await putIntegration(
        db,
        "default",
        { kind: "credit", config: { baseUrl: standIns.creditUrl, apiKey: standIns.creditApiKey, timeoutMs: 5000 } },
        "system",
      );
    }
    if (!(await getIntegration(db, "robot", "purchasing-alerts"))) {
      await putIntegration(
        db,
        "purchasing-alerts",
        { kind: "robot", config: { channel: "wecom", url: standIns.robots.urls("wecom", "demo-purchasing") } },
        "system",
      );
    }
    console.log(`Demo stand-ins: credit provider ${standIns.creditUrl}, robot receiver ${standIns.robotUrl}`);
  } catch (error) {
    console.log(`Demo stand-ins not started (${error instanceof Error ? error.message : error}); credit checks will be retried and then fail visibly.`);
  }
}
