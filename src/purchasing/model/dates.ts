// ISO plant days compare as strings.
export const maxDay = (a: string, b: string) => (a > b ? a : b);
export const minDay = (a: string, b: string) => (b < a ? b : a);
