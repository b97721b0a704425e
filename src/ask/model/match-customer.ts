// Which customer a question names: people say a customer's short name ("宁波永威的订单"), not the
// registered one (宁波永威流体设备有限公司). Pure: the customers come in as plain rows.

export interface CustomerName {
  code: string;
  name: string;
}

export type CustomerMatch = { kind: "one"; customer: CustomerName } | { kind: "several"; customers: CustomerName[]; said: string } | { kind: "none" };

// The legal form says nothing about which customer is meant.
const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|集团|公司|co\.?,? ?ltd\.?|ltd\.?|inc\.?|gmbh|corp\.?)\s*$/i;
/** Shortest piece of a name that counts as naming it: four characters (city + brand), or the whole core. */
const MIN_CHARS = 4;

const core = (name: string) => name.normalize("NFKC").toLowerCase().replace(LEGAL_FORM, "").trim();

/** The longest piece of `name` that the text contains (characters, not bytes). */
function longestSharedPiece(text: string, name: string): string {
  const chars = [...name];
  for (let len = chars.length; len >= MIN_CHARS; len--) {
    for (let start = 0; start + len <= chars.length; start++) {
      const piece = chars.slice(start, start + len).join("");
      if (piece.trim().length === len && text.includes(piece)) return piece;
    }
  }
  return "";
}

/**
 * The customer whose name the text contains the longest piece of (at least four characters, or its whole
 * core name when that is shorter); several when they tie, so the answer can ask which one.
 */
export function matchCustomer(text: string, customers: readonly CustomerName[]): CustomerMatch {
  const said = text.normalize("NFKC").toLowerCase();
  let best = 0;
  let piece = "";
  let found: CustomerName[] = [];
  for (const c of customers) {
    const name = core(c.name);
    if (!name) continue;
    const shared = [...name].length < MIN_CHARS ? (said.includes(name) ? name : "") : longestSharedPiece(said, name);
    const len = [...shared].length;
    if (!len || len < best) continue;
    if (len > best) {
      best = len;
      piece = shared;
      found = [];
    }
    found.push(c);
  }
  if (!found.length) return { kind: "none" };
  return found.length === 1 ? { kind: "one", customer: found[0] } : { kind: "several", customers: found, said: piece };
}
