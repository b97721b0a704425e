// How the page writes rates, hours and before/after changes. Pure.
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? "—" : `${Math.round(rate * 1000) / 10}%`);
export const hours = (h: number | null | undefined) => (h === null || h === undefined ? "—" : `${h} h`);

/** "+2.5 pp" for rates, "−1.2 h" for hours; undefined when either side is missing. */
export function changeText(delta: number | null | undefined, unit: "rate" | "hours"): string | undefined {
  if (delta === null || delta === undefined) return undefined;
  const value = unit === "rate" ? Math.round(delta * 1000) / 10 : Math.round(delta * 100) / 100;
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${Math.abs(value)}${unit === "rate" ? " pp" : " h"}`;
}
