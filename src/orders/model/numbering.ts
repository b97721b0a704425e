export { plantDay } from "../../core/plant-day.js";

// Order numbers: DH + YYYYMMDD + a daily sequence of at least 3 digits (4+ once a day passes 999).
export function formatOrderNo(day: string, seq: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`bad day ${day}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`bad sequence ${seq}`);
  return `DH${day.replaceAll("-", "")}${String(seq).padStart(3, "0")}`;
}

export function parseOrderNo(orderNo: string): { day: string; seq: number } | undefined {
  const m = /^DH(\d{4})(\d{2})(\d{2})(\d{3,})$/.exec(orderNo);
  if (!m) return undefined;
  return { day: `${m[1]}-${m[2]}-${m[3]}`, seq: Number(m[4]) };
}
