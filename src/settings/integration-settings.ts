// Robot webhooks and credit providers, configured by admin at run time (stored, not deployed).
import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../core/db/schema.js";

export const robotConfig = z.strictObject({
  channel: z.enum(["wecom", "dingtalk", "feishu"]),
  // Only http(s): a `javascript:` or `file:` URL would be followed by the sender (issue 18).
  url: z.url({ protocol: /^https?$/ }),
  secret: z.string().max(200).optional(),
});
export const creditConfig = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().min(1).max(500),
  timeoutMs: z.number().int().min(100).max(60_000).default(5000),
});
export const integrationSetting = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("robot"), config: robotConfig }),
  z.strictObject({ kind: z.literal("credit"), config: creditConfig }),
]);

export async function getIntegration<K extends "robot" | "credit">(db: Kysely<DB>, kind: K, name: string) {
  const row = await db.selectFrom("integration_settings").selectAll().where("name", "=", name).where("kind", "=", kind).executeTakeFirst();
  if (!row) return undefined;
  return (kind === "robot" ? robotConfig.parse(row.config) : creditConfig.parse(row.config)) as K extends "robot"
    ? z.infer<typeof robotConfig>
    : z.infer<typeof creditConfig>;
}

export async function putIntegration(db: Kysely<DB>, name: string, setting: z.infer<typeof integrationSetting>, actor: string) {
  const config = JSON.stringify(setting.config);
  await db
    .insertInto("integration_settings")
    .values({ name, kind: setting.kind, config, updated_by: actor })
    .onConflict((oc) => oc.column("name").doUpdateSet({ kind: setting.kind, config, updated_by: actor, updated_at: new Date() }))
    .execute();
}

/** For reading back: secrets and keys are never returned. */
export async function listIntegrations(db: Kysely<DB>) {
  const rows = await db.selectFrom("integration_settings").selectAll().orderBy("name").execute();
  return rows.map((r) => {
    const { secret, apiKey, ...rest } = r.config as Record<string, unknown>;
    return {
      name: r.name,
      kind: r.kind,
      config: { ...rest, ...(secret ? { secret: "***" } : {}), ...(apiKey ? { apiKey: "***" } : {}) },
      updatedBy: r.updated_by,
    };
  });
}
