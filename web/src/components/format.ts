// How people read figures and names: ¥12,345.00 (never a float on the way), the owner's display name.
import type { TFunction } from "i18next";

/** A decimal string in yuan ("12345.5", "-800") as ¥12,345.50, digit by digit. */
export function yuan(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(amount.trim());
  if (!m) return amount;
  const whole = m[2].replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (m[3] ?? "").padEnd(2, "0").slice(0, 2);
  return `${m[1]}¥${whole}.${cents}`;
}

/** The person responsible (display name when the server sends it), else the role, in the reader's language. */
export function ownerLabel(t: TFunction, owner: { role: string | null; user: string | null; name?: string | null }): string {
  if (owner.user) return owner.name ?? owner.user;
  return owner.role ? t(`roles.${owner.role}`) : "—";
}

/** Integer fen (the API's money for purchasing) as ¥12,345.67, without a float on the way. */
export function fenYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return "—";
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.round(fen));
  return yuan(`${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`);
}

/** An instant on the plant's clock (China Standard Time, no daylight saving): "2026-12-03 00:02". */
export const plantDateTime = (iso: string) => {
  const cst = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}`;
};

/** The same without the year: "12-03 00:02". */
export const plantClock = (iso: string) => plantDateTime(iso).slice(5);
