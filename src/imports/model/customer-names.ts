// Which existing customer a ledger's customer name or code is: by code, by name variant (customerKey) or
// by a spelling someone confirmed earlier (an alias).
import { createHash } from "node:crypto";
import { customerKey } from "../../customers/model/customer-key.js";
import { type CustomerProposal, proposeCustomers } from "../../customers/model/propose-customers.js";

export interface KnownCustomer {
  code: string;
  name: string;
}

export type CustomerMatch =
  | { kind: "matched"; customer: KnownCustomer; by: "code" | "name" | "alias" }
  | { kind: "ambiguous"; candidates: KnownCustomer[] }
  | { kind: "unknown"; key: string };

/**
 * Existing customers indexed by code, by name key and by confirmed spellings (aliases); several customers
 * on one key are ambiguous.
 */
export class CustomerIndex {
  private readonly byKey = new Map<string, KnownCustomer[]>();
  private readonly byCode = new Map<string, KnownCustomer>();
  private readonly byAlias = new Map<string, KnownCustomer>();
  private readonly proposed = new Map<string, CustomerProposal[]>();

  constructor(customers: KnownCustomer[], aliases: { aliasKey: string; customerCode: string }[] = []) {
    for (const c of customers) this.add(c);
    for (const a of aliases) {
      const customer = this.byCode.get(a.customerCode.toUpperCase());
      if (customer) this.byAlias.set(a.aliasKey, customer);
    }
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
    const aliased = this.byAlias.get(key);
    if (aliased) return { kind: "matched", customer: aliased, by: "alias" };
    return { kind: "unknown", key };
  }

  /** Existing customers a name nobody knows may be (once per name: a ledger repeats it on many rows). */
  propose(name: string): CustomerProposal[] {
    const key = customerKey(name);
    let found = this.proposed.get(key);
    if (!found) {
      found = proposeCustomers(name, [...this.byCode.values()]);
      this.proposed.set(key, found);
    }
    return found;
  }
}

/** A stable code for a customer first seen in a ledger: the same name gives the same code on re-import. */
export function generatedCustomerCode(key: string): string {
  return `LG-${createHash("sha1").update(key).digest("hex").slice(0, 8).toUpperCase()}`;
}
