// Strings of the management page: messages.json holds each string as [Chinese, English] side by side;
// hooked into i18n/zh.ts and en.ts as `management`.
import PAIRS from "./messages.json";

type Strings<T> = { [K in keyof T]: T[K] extends string[] ? string : Strings<T[K]> };
interface Pairs {
  [key: string]: string[] | Pairs;
}

function pick<T>(pairs: T, lang: 0 | 1): Strings<T> {
  return Object.fromEntries(Object.entries(pairs as Pairs).map(([k, v]) => [k, Array.isArray(v) ? v[lang] : pick(v, lang)])) as Strings<T>;
}

export const managementZh = pick(PAIRS, 0);
export const managementEn = pick(PAIRS, 1);
