// The demo plant's finance: the ledger started 20 days ago (what shipped before is in the typed opening
// balances); every customer has an invoicing profile and every item its tax code; what shipped until 8
// days ago was invoiced weekly and mostly paid — a few customers are overdue — what shipped since waits
// for invoicing, and this morning's bank statement brought payments to allocate, one of them unmatched.
// Credit limits are sized last, from each customer's business and exposure: a few over or near (finance's
// holds to review), the rest with room for their usual orders.
import { sql, type Transaction } from "kysely";
import type { DB } from "../core/db/schema.js";
import { toFen } from "../core/money.js";
import { plantDay } from "../core/plant-day.js";
import { creditExposures } from "../finance/credit-exposure.js";
import { planInvoices } from "../finance/model/invoice-plan.js";
import { usccCheckChar } from "../finance/model/tax-ids.js";
import { payerCandidates, takePayment } from "../finance/payment-ledger.js";
import { insertRequest, serialOf } from "../finance/request-invoices.js";
import { readItemInvoicing } from "../finance/store.js";
import { listShippedLines } from "../orders/list-shipped-lines.js";
import { creditLimit, NEAR_LIMIT, OVER_LIMIT } from "./credit-limits.js";
import { addDays } from "./dates.js";

const LEDGER_DAYS = 20;
const INVOICED_UNTIL_DAYS_AGO = 8;
const BANKS = ["中国工商银行", "中国建设银行", "招商银行", "中国银行", "交通银行", "江苏银行"];
const REGION_CODES: Record<string, string> = { 江苏: "320500", 浙江: "330100", 上海: "310000", 广东: "440300", 山东: "370200", 北京: "110000" };

const hash = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
// Neighbouring codes hash to neighbouring numbers; a multiplicative mix spreads them.
const scatter = (text: string) => Math.imul(hash(text), 2_654_435_761) >>> 0;
const digits = (n: number, length: number) => String(n % 10 ** length).padStart(length, "0");

function demoTaxId(code: string, region: string): string {
  const body = `91${REGION_CODES[region] ?? "320200"}${digits(hash(code) * 7919, 9)}`;
  return `${body}${usccCheckChar(body)}`;
}

const TAX_CODES: [family: RegExp, code: string, name: string][] = [
  [/传感器|变送器|仪|计/, "1090511030000000000", "仪器仪表"],
  [/阀|泵/, "1090107010000000000", "通用设备"],
];

export async function seedDemoFinance(tx: Transaction<DB>, now: Date): Promise<void> {
  const today = plantDay(now);
  const ledgerStart = new Date(now.getTime() - LEDGER_DAYS * 86_400_000);
  await tx.updateTable("finance_settings").set({ ledger_start: ledgerStart, updated_by: "system", updated_at: ledgerStart }).where("id", "=", 1).execute();

  const customers = await tx
    .selectFrom("customers")
    .select(["code", "name", "grade", "contact_phone", "region", "credit_limit", "open_receivables"])
    .orderBy("code")
    .execute();
  const overdueCustomers = new Set(customers.filter((_, i) => i % 9 === 4).map((c) => c.code));
  await tx
    .insertInto("invoicing_profiles")
    .values(
      customers.map((c) => ({
        customer_code: c.code,
        buyer_name: c.name,
        tax_id: demoTaxId(c.code, c.region),
        address: `${c.region}省${c.name.slice(0, 2)}市经济开发区 ${hash(c.code) % 300} 号`,
        phone: c.contact_phone,
        bank_name: `${BANKS[hash(c.code) % BANKS.length]}${c.name.slice(0, 2)}分行`,
        bank_account: digits(hash(`${c.code}bank`) * 104_729, 19),
        email: "",
        default_type: c.grade === "A" || c.grade === "B" ? "special" : "normal",
        // The few customers who pay late were given 7 days and let them pass.
        payment_days: overdueCustomers.has(c.code) ? 7 : 30,
        updated_by: "system",
        updated_at: ledgerStart,
      })),
    )
    .execute();

  const items = await tx.selectFrom("items").select(["sku", "name", "family", "kind", "uom"]).execute();
  await tx
    .insertInto("invoice_items")
    .values(
      items.map((i) => {
        const [, code, category] = TAX_CODES.find(([re]) => re.test(`${i.family}${i.name}`)) ?? [null, "1080211990000000000", "金属制品"];
        return {
          sku: i.sku,
          tax_code: code,
          tax_rate: 13,
          invoice_name: `*${category}*${i.name}`.slice(0, 100),
          unit: i.uom === "pcs" ? "台" : i.uom,
          updated_by: "system",
          updated_at: ledgerStart,
        };
      }),
    )
    .execute();

  // Customers paid off the opening balance in the ledger's first week, except a few of those who were over
  // their limit then: the ones with orders held for credit today, and a few more (they stay over the limit).
  const strained = await strainedCustomers(tx, customers);
  for (const c of customers) {
    if (c.open_receivables === "0.00" || strained.has(c.code)) continue;
    await takePayment(
      tx,
      "finance",
      {
        customer: c.code,
        payerName: c.name,
        payerAccount: "",
        amountFen: toFen(c.open_receivables),
        receivedOn: addDays(plantDay(ledgerStart), 1 + (hash(c.code) % 5)),
        bankRef: `DEMO-OPEN-${c.code}`,
        note: "期初欠款",
        source: "import",
      },
      async () => [],
    );
  }

  // Weekly invoices per customer for what shipped from the ledger's start until 12 days ago.
  const cutoff = new Date(now.getTime() - INVOICED_UNTIL_DAYS_AGO * 86_400_000);
  const shipped = (await listShippedLines(tx, { shippedSince: ledgerStart })).filter((l) => new Date(l.shippedAt) < cutoff);
  const itemInvoicing = await readItemInvoicing(
    tx,
    items.map((i) => i.sku),
  );
  const profiles = new Map((await tx.selectFrom("invoicing_profiles").selectAll().execute()).map((p) => [p.customer_code, p]));
  const groups = new Map<string, typeof shipped>();
  for (const line of shipped) {
    const week = Math.floor((Date.parse(line.shippedAt) - ledgerStart.getTime()) / (7 * 86_400_000));
    const key = `${line.customer}|${week}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  let invoiceSeq = 0;
  for (const [key, lines] of groups) {
    const customer = key.split("|")[0];
    const profile = profiles.get(customer);
    if (!profile) continue;
    const buyer = {
      name: profile.buyer_name,
      taxId: profile.tax_id,
      address: profile.address,
      phone: profile.phone,
      bankName: profile.bank_name,
      bankAccount: profile.bank_account,
      email: profile.email,
    };
    const plan = planInvoices(lines, itemInvoicing, { split: "rate", taxIncluded: true });
    const lastShipped = lines
      .map((l) => l.shippedAt.slice(0, 10))
      .sort()
      .at(-1) as string;
    const issuedOn = addDays(lastShipped, 2);
    for (const invoice of plan.invoices) {
      const id = await insertRequest(
        tx,
        { kind: "user", id: 0, name: "finance", roles: ["finance"] },
        {
          customer,
          type: profile.default_type as "special" | "normal",
          taxIncluded: true,
          buyer,
          note: "",
          invoice,
        },
      );
      invoiceSeq++;
      const dueOn = addDays(issuedOn, profile.payment_days);
      await tx
        .updateTable("invoice_requests")
        .set({
          status: "issued",
          invoice_no: `2632${digits(hash(today), 6)}${digits(invoiceSeq, 10)}`,
          issued_on: issuedOn,
          due_on: dueOn,
          serial: serialOf(id, issuedOn),
          created_at: new Date(`${issuedOn}T02:00:00Z`),
        })
        .where("id", "=", id)
        .execute();
      // Paid by its due date, except the few customers who are late.
      if (dueOn <= today && !overdueCustomers.has(customer)) {
        const paidOn = addDays(dueOn, -(hash(`${id}`) % 10));
        await takePayment(
          tx,
          "finance",
          {
            customer,
            payerName: profile.buyer_name,
            payerAccount: profile.bank_account,
            amountFen: invoice.amountFen,
            receivedOn: paidOn,
            bankRef: `DEMO${id}`,
            note: "货款",
            source: "import",
          },
          async () => [],
        );
      }
    }
  }

  // This morning's statement: a customer paying its open invoice, one paying ahead (预收款), and one
  // paid by a third party under a name no customer has (finance matches it by hand).
  const open = await sql<{ customer_code: string; buyer: string; account: string; amount: string }>`
    select r.customer_code, p.buyer_name as buyer, p.bank_account as account, r.amount::text as amount
    from invoice_requests r join invoicing_profiles p on p.customer_code = r.customer_code
    where r.status = 'issued' and not exists (select 1 from payment_allocations a where a.invoice_request_id = r.id)
    order by r.issued_on desc, r.id limit 2`.execute(tx);
  const candidates = () => payerCandidates(tx);
  const statement = [
    ...open.rows.slice(0, 1).map((r) => ({ payerName: r.buyer, payerAccount: r.account, amount: r.amount, note: "货款" })),
    { payerName: customers[3].name, payerAccount: digits(hash("adv") * 31, 19), amount: "20000.00", note: "预付货款" },
    { payerName: "杭州恒信供应链管理有限公司", payerAccount: "6228480012345678901", amount: "8600.00", note: "代付货款" },
  ];
  for (const [i, p] of statement.entries()) {
    await takePayment(
      tx,
      "finance",
      {
        payerName: p.payerName,
        payerAccount: p.payerAccount,
        amountFen: toFen(p.amount),
        receivedOn: today,
        bankRef: `DEMO-TODAY-${i + 1}`,
        note: p.note,
        source: "import",
      },
      candidates,
    );
  }

  await sizeCreditLimits(tx, now, strained);
}

/** The customers who stay over their limit: every one with an order held for credit, then the others who
 *  were over it when the ledger started, by code, up to OVER_LIMIT. */
async function strainedCustomers(tx: Transaction<DB>, customers: { code: string; credit_limit: string; open_receivables: string }[]) {
  const held = await tx
    .selectFrom("orders")
    .select("customer_code")
    .distinct()
    .where("status", "=", "on_hold")
    .where("hold_reason", "=", "超信用额度")
    .execute();
  const strained = new Set(held.map((h) => h.customer_code));
  for (const c of customers) {
    if (strained.size >= OVER_LIMIT) break;
    if (toFen(c.open_receivables) > toFen(c.credit_limit)) strained.add(c.code);
  }
  return strained;
}

/** Finance's limits from each customer's business and exposure (demo/credit-limits.ts): the strained ones
 *  over it, NEAR_LIMIT others (grades B and C, picked by a hash of the code) close to it, the rest with room. */
async function sizeCreditLimits(tx: Transaction<DB>, now: Date, strained: Set<string>) {
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const { rows } = await sql<{ code: string; grade: string; payment_days: number; recent: string; typical: string }>`
    select c.code, c.grade, p.payment_days,
      coalesce(sum(o.total_amount) filter (where o.created_at >= ${since}), 0)::numeric(14,2)::text as recent,
      coalesce(percentile_cont(0.5) within group (order by o.total_amount), 0)::numeric(14,2)::text as typical
    from customers c join invoicing_profiles p on p.customer_code = c.code
    left join orders o on o.customer_code = c.code and o.status <> 'cancelled' and o.created_at >= ${yearAgo}
    group by c.code, c.grade, p.payment_days
    order by c.code`.execute(tx);
  const exposures = await creditExposures(
    tx,
    rows.map((r) => r.code),
    { at: now },
  );
  const near = new Set(
    rows
      .filter((r) => !strained.has(r.code) && (r.grade === "B" || r.grade === "C") && (exposures.get(r.code)?.totalFen ?? 0n) > 0n)
      .sort((a, b) => scatter(a.code) - scatter(b.code) || (a.code < b.code ? -1 : 1))
      .slice(0, NEAR_LIMIT)
      .map((r) => r.code),
  );
  const limits = rows.map((r) => {
    const figures = {
      monthlyFen: toFen(r.recent) / 3n,
      typicalOrderFen: toFen(r.typical),
      exposureFen: exposures.get(r.code)?.totalFen ?? 0n,
      paymentDays: r.payment_days,
    };
    const standing = strained.has(r.code) ? "over" : near.has(r.code) ? "near" : "usual";
    return sql`(${r.code}, ${creditLimit(figures, standing)}::numeric)`;
  });
  // One statement for all 400.
  await sql`update customers c set credit_limit = v.credit_limit from (values ${sql.join(limits)}) as v(code, credit_limit) where c.code = v.code`.execute(tx);
}
