// A supplier's reliability from its history: the share of closed lines received by the date it
// confirmed (the requested date when it never confirmed), and the mean delay of the late ones in days.
import { daysBetween } from "../../calendar/model/dates.js";

export interface ClosedLine {
  /** The date the supplier last confirmed, or the requested date. */
  promised: string;
  /** Plant day the line was received in full. */
  closedOn: string;
}

export interface Reliability {
  lines: number;
  onTime: number;
  /** onTime / lines, 4 decimals; null without history. */
  onTimeRate: number | null;
  /** Mean days late over all closed lines (early counts as 0); null without history. */
  meanDelayDays: number | null;
}

export function reliability(lines: ClosedLine[]): Reliability {
  if (!lines.length) return { lines: 0, onTime: 0, onTimeRate: null, meanDelayDays: null };
  let onTime = 0;
  let delay = 0;
  for (const l of lines) {
    const late = Math.max(0, daysBetween(l.promised, l.closedOn));
    if (late === 0) onTime++;
    delay += late;
  }
  return {
    lines: lines.length,
    onTime,
    onTimeRate: Math.round((onTime / lines.length) * 10000) / 10000,
    meanDelayDays: Math.round((delay / lines.length) * 10) / 10,
  };
}
