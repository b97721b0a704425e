// The identifiers the tax platform checks: the buyer's 纳税人识别号 (15, 18 or 20 characters; an 18-character
// unified social credit code carries a check digit, GB 32100-2015) and an item's 税收分类编码 (19 digits).

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type TaxIdProblem = "length" | "characters" | "check_digit";

/** The check character of the first 17 characters of a unified social credit code, or undefined if one is not allowed. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARS.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * USCC_WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check];
}

/** Why a 纳税人识别号 is not one, or undefined when it is (upper case expected; callers normalise). */
export function taxIdProblem(taxId: string): TaxIdProblem | undefined {
  if (![15, 18, 20].includes(taxId.length)) return "length";
  if (taxId.length === 18) {
    if (![...taxId].every((c) => USCC_CHARS.includes(c))) return "characters";
    return usccCheckChar(taxId.slice(0, 17)) === taxId[17] ? undefined : "check_digit";
  }
  return /^[0-9A-Z]+$/.test(taxId) ? undefined : "characters";
}

export function normaliseTaxId(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

/** 税收分类编码: exactly 19 digits. */
export function isTaxCode(code: string): boolean {
  return /^\d{19}$/.test(code);
}

/** The VAT rates the platform takes, in percent. */
export const TAX_RATES = [13, 9, 6, 5, 3, 1, 0] as const;
