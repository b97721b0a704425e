// An ECN by its number (locked for the caller's transaction when asked), or a 404 naming it.
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { notFound } from "../core/errors.js";
import { getEcnRow } from "./store.js";

export async function findEcn(db: Kysely<DB> | Transaction<DB>, ecnNo: string, lock = false) {
  const ecn = await getEcnRow(db, ecnNo, lock);
  if (!ecn) throw notFound("ecn.not_found", { ecnNo }, "ecnNo");
  return ecn;
}
