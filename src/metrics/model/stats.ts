// Rounding and before/after changes of the dwell figures. Pure.
export const roundHours = (h: number | string | null | undefined): number | null =>
  h === null || h === undefined || Number.isNaN(Number(h)) ? null : Math.round(Number(h) * 100) / 100;

/** Change from before to after, in the figure's unit and as a share of before (negative: lower). */
export function change(before: number | null, after: number | null): { delta: number | null; relative: number | null } {
  if (before === null || after === null) return { delta: null, relative: null };
  return {
    delta: Math.round((after - before) * 10000) / 10000,
    relative: before ? Math.round(((after - before) / before) * 10000) / 10000 : null,
  };
}
