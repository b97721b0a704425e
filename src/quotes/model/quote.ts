// Quote numbers, a version's status as people see it, and the dates a version is good until. Pure.
import { addDays } from "../../calendar/model/dates.js";

/** BJ + YYYYMMDD + a daily sequence of at least 3 digits, like order numbers (DH…). */
export function formatQuoteNo(day: string, seq: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`bad day ${day}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`bad sequence ${seq}`);
  return `BJ${day.replaceAll("-", "")}${String(seq).padStart(3, "0")}`;
}

export const QUOTE_NO = /^BJ\d{11,}$/;

export type StoredStatus = "draft" | "sent" | "won" | "lost" | "superseded";
export type VersionStatus = StoredStatus | "expired";

/** A sent version past its validity date reads as expired (it may still be converted: price and date re-run). */
export function versionStatus(stored: StoredStatus, validUntil: string, today: string): VersionStatus {
  return stored === "sent" && validUntil < today ? "expired" : stored;
}

/** Days a quote's price holds unless sales says otherwise, and days its promise holds (capped by the price's). */
export const DEFAULT_VALID_DAYS = 30;
export const PROMISE_VALID_DAYS = 7;

export function promiseValidUntil(today: string, validUntil: string): string {
  const promise = addDays(today, PROMISE_VALID_DAYS);
  return promise < validUntil ? promise : validUntil;
}

/** What converting a version on `today` must re-run: the price after its validity, the date after the promise's. */
export function conversionReruns(version: { valid_until: string; promise_valid_until: string }, today: string) {
  const price = version.valid_until < today;
  return { price, date: price || version.promise_valid_until < today };
}

export const LOST_REASONS = ["price", "lead_time", "spec", "competitor", "cancelled", "other"] as const;
export type LostReason = (typeof LOST_REASONS)[number];
