// A bank statement as Chinese banks export it (Excel or CSV, GBK included): the header row found by its
// names, credit rows kept as payments received, debits skipped; the payer matched to a customer by
// account name, else by an amount only one customer has open.

import { toFen } from "../../core/money.js";
import { type Cell, cellText } from "../../imports/model/cell.js";
import { cleanDate } from "../../imports/model/clean-date.js";
import { cleanAmount } from "../../imports/model/clean-number.js";

const HEADERS = {
  date: ["交易日期", "记账日期", "入账日期", "日期", "交易时间"],
  payer: ["对方户名", "对方账户名称", "付款人名称", "付款方户名", "对方名称", "对方单位"],
  account: ["对方账号", "对方账户", "付款人账号", "付款方账号"],
  credit: ["贷方金额", "贷方发生额", "收入金额", "收入", "存入金额"],
  amount: ["交易金额", "金额", "发生额"],
  debit: ["借方金额", "借方发生额", "支出金额", "支出"],
  ref: ["交易流水号", "流水号", "凭证号", "交易参考号", "业务编号"],
  memo: ["摘要", "用途", "附言", "备注"],
} as const;
type Column = keyof typeof HEADERS;

export interface StatementRow {
  row: number;
  receivedOn: string;
  payerName: string;
  payerAccount: string;
  amountFen: bigint;
  bankRef: string;
  memo: string;
}

export interface StatementProblem {
  row: number;
  field: string;
  reason: string;
  value?: string;
}

const norm = (text: string) => text.replace(/[\s:：()（）*]/g, "");

function findHeader(rows: { number: number; cells: Cell[] }[]): { index: number; columns: Partial<Record<Column, number>> } | undefined {
  for (let index = 0; index < Math.min(rows.length, 20); index++) {
    const names = rows[index].cells.map((c) => norm(cellText(c)));
    const columns: Partial<Record<Column, number>> = {};
    for (const [column, aliases] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
      const at = names.findIndex((n) => aliases.includes(n));
      if (at >= 0) columns[column] = at;
    }
    if (columns.date !== undefined && columns.payer !== undefined && (columns.credit !== undefined || columns.amount !== undefined)) return { index, columns };
  }
  return undefined;
}

/** The statement's credits (payments received), the rows it could not read, and how many debits it skipped. */
export function readStatement(
  rows: { number: number; cells: Cell[] }[],
): { payments: StatementRow[]; problems: StatementProblem[]; skipped: number } | undefined {
  const header = findHeader(rows);
  if (!header) return undefined;
  const { columns } = header;
  const at = (cells: Cell[], column: Column) => (columns[column] === undefined ? null : (cells[columns[column] as number] ?? null));
  const payments: StatementRow[] = [];
  const problems: StatementProblem[] = [];
  let skipped = 0;
  for (const { number, cells } of rows.slice(header.index + 1)) {
    if (cells.every((c) => cellText(c).trim() === "")) continue;
    const creditCell = columns.credit !== undefined ? at(cells, "credit") : at(cells, "amount");
    if (creditCell === null || cellText(creditCell).trim() === "" || cellText(creditCell).trim() === "0" || cellText(creditCell).trim() === "0.00") {
      skipped++;
      continue;
    }
    const amount = cleanAmount(creditCell, true);
    if (!amount.ok) {
      problems.push({ row: number, field: "amount", reason: amount.reason, value: cellText(creditCell) });
      continue;
    }
    const fen = toFen(amount.value);
    if (fen <= 0n) {
      skipped++;
      continue;
    }
    const dateCell = at(cells, "date");
    // Banks write the time beside the day (2026-12-02 10:31:22): the day is what counts.
    const date = cleanDate(typeof dateCell === "string" ? dateCell.trim().split(/\s+/)[0] : dateCell);
    if (!date.ok) {
      problems.push({ row: number, field: "date", reason: date.reason, value: cellText(at(cells, "date")) });
      continue;
    }
    const payerName = cellText(at(cells, "payer")).trim();
    if (!payerName) {
      problems.push({ row: number, field: "payer", reason: "field.required" });
      continue;
    }
    payments.push({
      row: number,
      receivedOn: date.value,
      payerName,
      payerAccount: cellText(at(cells, "account")).replace(/\s+/g, ""),
      amountFen: fen,
      bankRef: cellText(at(cells, "ref")).trim(),
      memo: cellText(at(cells, "memo")).trim(),
    });
  }
  return { payments, problems, skipped };
}

export interface PayerCandidate {
  code: string;
  /** The customer's name and its invoicing buyer name: the account names its payments come from. */
  names: string[];
  /** Amounts of its open invoices, in fen. */
  openAmountsFen: bigint[];
}

const nameKey = (name: string) => name.replace(/[\s()（）]/g, "");

/** The customer a payment came from: by account name; failing that, by an open amount only one customer has. */
export function matchPayer(
  payment: { payerName: string; amountFen: bigint },
  candidates: PayerCandidate[],
): { code: string; by: "name" | "amount" } | undefined {
  const key = nameKey(payment.payerName);
  const byName = candidates.filter((c) => c.names.some((n) => nameKey(n) === key));
  if (byName.length === 1) return { code: byName[0].code, by: "name" };
  if (byName.length > 1) return undefined;
  const byAmount = candidates.filter((c) => c.openAmountsFen.includes(payment.amountFen));
  return byAmount.length === 1 ? { code: byAmount[0].code, by: "amount" } : undefined;
}
