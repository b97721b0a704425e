// Strings of the quick order's preview and the master-data pages: messages.json holds each string as
// [Chinese, English] side by side; hooked into i18n/zh.ts and en.ts as `intake`.
import PAIRS from "./messages.json";

type Strings<T> = { [K in keyof T]: T[K] extends string[] ? string : Strings<T[K]> };
interface Pairs {
  [key: string]: string[] | Pairs;
}

function pick<T>(pairs: T, lang: 0 | 1): Strings<T> {
  return Object.fromEntries(Object.entries(pairs as Pairs).map(([k, v]) => [k, Array.isArray(v) ? v[lang] : pick(v, lang)])) as Strings<T>;
}

export const intakeZh = pick(PAIRS, 0);
export const intakeEn = pick(PAIRS, 1);

/** `¥12,345.00` from a decimal string, never through floating point for the fen. */
export function yuan(amount: string): string {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = amount.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}¥${grouped}.${fraction.padEnd(2, "0").slice(0, 2)}`;
}
