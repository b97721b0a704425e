// Use case: the tax platform's result comes back (its result workbook or CSV, or JSON from an integration):
// each 发票流水号 gets its invoice number and date, the request becomes issued and its lines are invoiced
// for good. A red invoice issued marks the blue one reversed (and, for a wrong invoice rather than a
// return, gives its lines back). Rows that cannot be applied are listed with the reason; the rest apply.
import type { Kysely } from "kysely";
import type { Principal } from "../core/auth/principal.js";
import type { DB } from "../core/db/schema.js";
import { AppError } from "../core/errors.js";
import { plantDay } from "../core/plant-day.js";
import { publishChange } from "../events/publish-change.js";
import { type Cell, cellText } from "../imports/model/cell.js";
import { cleanDate } from "../imports/model/clean-date.js";
import { readUpload } from "../imports/read/read-upload.js";
import { releaseHeldOrders } from "./release-held-orders.js";

export interface IssuedResult {
  serial: string;
  invoiceNo: string;
  issuedOn?: string;
  /** The file's row, when read from one. */
  row?: number;
}

const SERIAL = ["发票流水号", "流水号"];
const NUMBER = ["发票号码", "数电票号码", "数电发票号码", "全电发票号码"];
const DATE = ["开票日期", "开具日期"];

export async function readResultFile(buffer: Buffer, fileName: string): Promise<IssuedResult[]> {
  const sheet = await readUpload(buffer, fileName);
  const norm = (c: Cell) => cellText(c).replace(/\s+/g, "");
  for (let h = 0; h < Math.min(sheet.rows.length, 10); h++) {
    const names = sheet.rows[h].cells.map(norm);
    const s = names.findIndex((n) => SERIAL.includes(n));
    const n = names.findIndex((x) => NUMBER.includes(x));
    if (s < 0 || n < 0) continue;
    const d = names.findIndex((x) => DATE.includes(x));
    return sheet.rows
      .slice(h + 1)
      .filter((r) => norm(r.cells[s] ?? null))
      .map((r) => {
        const date = d >= 0 ? cleanDate(typeof r.cells[d] === "string" ? String(r.cells[d]).trim().split(/\s+/)[0] : (r.cells[d] ?? null)) : undefined;
        return { row: r.number, serial: norm(r.cells[s] ?? null), invoiceNo: norm(r.cells[n] ?? null), ...(date?.ok ? { issuedOn: date.value } : {}) };
      });
  }
  throw new AppError("invalid", "finance.result_unreadable", {}, "file");
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function importIssued(db: Kysely<DB>, principal: Principal, results: IssuedResult[]) {
  return db.transaction().execute(async (tx) => {
    const applied: { serial: string; invoiceNo: string; id: number }[] = [];
    const duplicates: string[] = [];
    const problems: { row?: number; serial: string; reason: "unknown_serial" | "number_taken" | "already_issued" | "no_number" }[] = [];
    const touched = new Set<string>();
    const redCustomers = new Set<string>();
    for (const result of results) {
      const request = await tx.selectFrom("invoice_requests").selectAll().where("serial", "=", result.serial).forUpdate().executeTakeFirst();
      if (!request) {
        problems.push({ row: result.row, serial: result.serial, reason: "unknown_serial" });
        continue;
      }
      if (!result.invoiceNo) {
        problems.push({ row: result.row, serial: result.serial, reason: "no_number" });
        continue;
      }
      if (request.status !== "requested") {
        if (request.invoice_no === result.invoiceNo) duplicates.push(result.serial);
        else problems.push({ row: result.row, serial: result.serial, reason: "already_issued" });
        continue;
      }
      const taken = await tx.selectFrom("invoice_requests").select("serial").where("invoice_no", "=", result.invoiceNo).executeTakeFirst();
      if (taken) {
        problems.push({ row: result.row, serial: result.serial, reason: "number_taken" });
        continue;
      }
      const issuedOn = result.issuedOn ?? plantDay(new Date());
      const profile = await tx.selectFrom("invoicing_profiles").select("payment_days").where("customer_code", "=", request.customer_code).executeTakeFirst();
      await tx
        .updateTable("invoice_requests")
        .set({ status: "issued", invoice_no: result.invoiceNo, issued_on: issuedOn, due_on: addDays(issuedOn, profile?.payment_days ?? 30) })
        .where("id", "=", request.id)
        .execute();
      if (request.kind === "red" && request.reverses_id !== null) {
        await tx.updateTable("invoice_requests").set({ status: "reversed" }).where("id", "=", request.reverses_id).execute();
        if (request.reopens_lines) await tx.updateTable("invoice_request_lines").set({ claims: false }).where("request_id", "=", request.reverses_id).execute();
        redCustomers.add(request.customer_code);
      }
      applied.push({ serial: result.serial, invoiceNo: result.invoiceNo, id: Number(request.id) });
      touched.add(request.customer_code);
    }
    const released = redCustomers.size ? await releaseHeldOrders(tx, db, [...redCustomers], { actor: principal.name, why: "红字发票冲减应收" }) : [];
    for (const customer of touched) await publishChange(tx, { kind: "finance", action: "invoice", customer });
    return { issued: applied, duplicates, problems, released };
  });
}
