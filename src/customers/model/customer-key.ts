// Customer names as ledgers and people spell them: full- or half-width brackets and spaces, 有限责任公司
// for 有限公司. One key per company, so every variant matches the same customer.

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

/** The distinctive part of a key: without the legal form, which short names and abbreviations leave out. */
export function customerCore(key: string): string {
  return key.replace(/(股份公司|有限公司|集团公司|公司|coltd|ltd|inc)$/, "").replace(/(股份|集团|有限)$/, "");
}
