// Money as integer fen (BigInt): exact arithmetic, never floats. The API speaks decimal strings.
const MONEY = /^-?\d{1,12}(\.\d{1,2})?$/;

export function isMoney(text: string): boolean {
  return MONEY.test(text);
}

export function toFen(text: string): bigint {
  if (!isMoney(text)) throw new RangeError(`not a money amount: ${text}`);
  const negative = text.startsWith("-");
  const [whole, frac = ""] = (negative ? text.slice(1) : text).split(".");
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, "0"));
  return negative ? -fen : fen;
}

export function fromFen(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

export function lineAmount(unitPrice: string, qty: number): string {
  return fromFen(toFen(unitPrice) * BigInt(qty));
}

export function sumMoney(amounts: string[]): string {
  return fromFen(amounts.reduce((total, a) => total + toFen(a), 0n));
}
