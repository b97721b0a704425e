// Customer names as ledgers spell them: full- or half-width brackets and spaces, 有限责任公司 for
// 有限公司. One key per company, so every variant matches the same customer.
import { createHash } from "node:crypto";

const LEGAL_FORMS: [RegExp, string][] = [
  [/有限责任公司$/, "有限公司"],
  [/股份有限公司$/, "股份公司"],
  [/(company|co)(limited|ltd)$/, "coltd"],
  [/limited$/, "ltd"],
];

// A ledger repeats a few hundred names over tens of thousands of rows: keep the keys already made.
const keys = new Map<string, string>();

export function customerKey(name: string): string {
  const known = keys.get(name);
  if (known !== undefined) return known;
  if (keys.size > 50_000) keys.clear();
  const key = makeKey(name);
  keys.set(name, key);
  return key;
}

function makeKey(name: string): string {
  let key = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, "")
    .replace(/[[【〔]/g, "(")
    .replace(/[\]】〕]/g, ")")
    .replace(/[。.,，、·'"]+/g, "");
  for (const [form, replacement] of LEGAL_FORMS) key = key.replace(form, replacement);
  return key;
}

export interface KnownCustomer {
  code: string;
  name: string;
}

export type CustomerMatch =
  | { kind: "matched"; customer: KnownCustomer; by: "code" | "name" }
  | { kind: "ambiguous"; candidates: KnownCustomer[] }
  | { kind: "unknown"; key: string };

/** Existing customers indexed by code and by name key; several customers on one key are ambiguous. */
export class CustomerIndex {
  private readonly byKey = new Map<string, KnownCustomer[]>();
  private readonly byCode = new Map<string, KnownCustomer>();

  constructor(customers: KnownCustomer[]) {
    for (const c of customers) this.add(c);
  }

  add(customer: KnownCustomer) {
    this.byCode.set(customer.code.toUpperCase(), customer);
    const key = customerKey(customer.name);
    const list = this.byKey.get(key) ?? [];
    list.push(customer);
    this.byKey.set(key, list);
  }

  match(name: string, code?: string): CustomerMatch {
    if (code) {
      const byCode = this.byCode.get(code.normalize("NFKC").trim().toUpperCase());
      if (byCode) return { kind: "matched", customer: byCode, by: "code" };
    }
    const key = customerKey(name);
    const found = this.byKey.get(key) ?? [];
    if (found.length === 1) return { kind: "matched", customer: found[0], by: "name" };
    if (found.length > 1) return { kind: "ambiguous", candidates: found };
    return { kind: "unknown", key };
  }
}

/** A stable code for a customer first seen in a ledger: the same name gives the same code on re-import. */
export function generatedCustomerCode(key: string): string {
  return `LG-${createHash("sha1").update(key).digest("hex").slice(0, 8).toUpperCase()}`;
}
