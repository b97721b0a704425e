// Which existing customers a name nobody knows might be: a short name (嘉兴富峰能源 → 嘉兴富峰能源科技
// 有限公司), an abbreviation (宁波永威 → 宁波永威精密机械有限公司) or a typo (嘉兴富锋能源 → 嘉兴富峰能源).
// A proposal only: a person confirms it, and the confirmed spelling becomes an alias.
import { distance } from "fastest-levenshtein";
import { customerCore, customerKey } from "./customer-key.js";

export interface CustomerCandidate {
  code: string;
  name: string;
}

export interface CustomerProposal extends CustomerCandidate {
  /** 0–1: how sure the match is; shown to the person as a percentage. */
  confidence: number;
  by: "short_name" | "abbreviation" | "spelling";
}

const FLOOR = 0.5;

/** Is every character of `short` in `long`, in order (an abbreviation keeps some characters of the name)? */
function isAbbreviation(short: string, long: string): boolean {
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

function judge(name: string, candidate: string): Pick<CustomerProposal, "confidence" | "by"> | undefined {
  if (name.length < 2 || name === candidate) return undefined;
  const shorter = Math.min(name.length, candidate.length);
  const longer = Math.max(name.length, candidate.length);
  if (candidate.includes(name)) return { confidence: 0.6 + 0.35 * (name.length / candidate.length), by: "short_name" };
  if (name.length >= 3 && isAbbreviation(name, candidate)) return { confidence: 0.45 + 0.35 * (name.length / candidate.length), by: "abbreviation" };
  // A typo: a character or two wrong in names of similar length.
  if (shorter / longer < 0.7) return undefined;
  const similarity = 1 - distance(name, candidate) / longer;
  return similarity >= 0.75 ? { confidence: 0.9 * similarity, by: "spelling" } : undefined;
}

/** The likeliest customers for `name`, best first, at most `limit`, none below 50%. */
export function proposeCustomers(name: string, customers: CustomerCandidate[], limit = 3): CustomerProposal[] {
  const core = customerCore(customerKey(name));
  const proposals: CustomerProposal[] = [];
  for (const customer of customers) {
    const found = judge(core, customerCore(customerKey(customer.name)));
    if (found && found.confidence >= FLOOR)
      proposals.push({ code: customer.code, name: customer.name, confidence: Math.round(found.confidence * 100) / 100, by: found.by });
  }
  return proposals.sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code)).slice(0, limit);
}
