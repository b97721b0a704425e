// Use case: engineering raises a change notice from the difference between the versions in force and
// the draft versions prepared: the change lines are that diff, typed. Retried with the same
// Idempotency-Key, it answers the notice it made the first time.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { isUniqueViolation } from "../core/db/unique-violation.js";
import { AppError, refused } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { bomVersionDiff, routingVersionDiff } from "../engineering/diff-versions.js";
import { findVersion } from "../engineering/find-version.js";
import { lockSku } from "../engineering/lock-sku.js";
import type { ChangeLine } from "../engineering/model/version-diff.js";
import { effectiveVersion } from "../engineering/model.js";
import { listVersions, type VersionTable } from "../engineering/store.js";
import { publishChange } from "../events/publish-change.js";
import type { CreateEcn } from "./schemas.js";
import { findEcnByKey, getEcnRow, insertEcn, nextEcnNo } from "./store.js";

export async function createEcn(db: Kysely<DB>, principal: Principal, input: CreateEcn, idempotencyKey?: string) {
  const key = idempotencyKey ? `ecn#${principal.name}#${idempotencyKey}` : null;
  if (key) {
    const earlier = await findEcnByKey(db, key);
    if (earlier) return sameRequest(earlier, input, idempotencyKey!);
  }
  const today = plantDay(new Date());
  try {
    return await db.transaction().execute(async (tx) => {
      await lockSku(tx, input.sku);
      const pair = async (table: VersionTable, to: number | undefined, from: number | undefined, field: string) => {
        if (to === undefined) return { from: null, to: null };
        const target = await findVersion(tx, table, input.sku, to);
        if (target.status !== "draft") throw refused("ecn.no_version", { sku: input.sku }, field);
        const source =
          from !== undefined ? await findVersion(tx, table, input.sku, from) : (effectiveVersion(await listVersions(tx, table, input.sku), today) ?? null);
        return { from: source?.id ?? null, to: target.id };
      };
      const bom = await pair("bom_versions", input.toBomVersion, input.fromBomVersion, "toBomVersion");
      const routing = await pair("routing_versions", input.toRoutingVersion, input.fromRoutingVersion, "toRoutingVersion");
      const lines: ChangeLine[] = [
        ...(await bomVersionDiff(tx, bom.from, bom.to)),
        ...(await routingVersionDiff(tx, routing.from, routing.to)),
        ...(input.drawing ? [{ kind: "drawing" as const, ref: input.sku, from: input.drawing.from, to: input.drawing.to }] : []),
      ];
      if (!lines.length) throw refused("ecn.no_change", {}, input.toBomVersion !== undefined ? "toBomVersion" : "toRoutingVersion");
      const ecnNo = await nextEcnNo(tx, Number(today.slice(0, 4)));
      await insertEcn(
        tx,
        {
          ecn_no: ecnNo,
          title: input.title,
          reason: input.reason,
          sku: input.sku,
          status: input.submit ? "review" : "draft",
          from_bom_version_id: bom.from,
          to_bom_version_id: bom.to,
          from_routing_version_id: routing.from,
          to_routing_version_id: routing.to,
          effectivity: input.effectivity,
          effective_date: input.effectiveDate ?? today,
          idempotency_key: key,
          created_by: principal.name,
        },
        lines,
      );
      await publishChange(tx, { kind: "master", entity: "ecn", key: ecnNo });
      return (await getEcnRow(tx, ecnNo))!;
    });
  } catch (error) {
    if (key && isUniqueViolation(error)) {
      const earlier = await findEcnByKey(db, key);
      if (earlier) return sameRequest(earlier, input, idempotencyKey!);
    }
    throw error;
  }
}

function sameRequest(earlier: NonNullable<Awaited<ReturnType<typeof findEcnByKey>>>, input: CreateEcn, key: string) {
  if (earlier.sku !== input.sku || earlier.title !== input.title) throw new AppError("conflict", "ecn.key_reused", { key }, "Idempotency-Key");
  return earlier;
}
