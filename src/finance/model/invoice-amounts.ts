// Exact invoice amounts in fen: a tax-inclusive line amount splits into net and tax by the rate, and the
// unit price printed on the invoice is chosen so that |数量 × 单价 − 金额| ≤ 0.01 on every line.

/** Tax-inclusive fen → [net, tax] at `rate` percent, the net rounded half up, the tax the rest (so they sum exactly). */
export function splitTax(grossFen: bigint, rate: number): { net: bigint; tax: bigint } {
  const denominator = BigInt(100 + rate);
  const scaled = grossFen * 100n;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  let net = (abs + denominator / 2n) / denominator;
  if (negative) net = -net;
  return { net, tax: grossFen - net };
}

/** A unit price as decimal text with up to 8 decimals: `amountFen` / `qty`, rounded half up. */
export function unitPrice(amountFen: bigint, qty: number): string {
  if (qty <= 0) return "0";
  const negative = amountFen < 0n;
  const abs = negative ? -amountFen : amountFen;
  const q = BigInt(qty);
  const units = (abs * 1_000_000n + q / 2n) / q; // 1e-8 yuan
  const whole = units / 100_000_000n;
  const frac = (units % 100_000_000n).toString().padStart(8, "0").replace(/0+$/, "");
  return `${negative && units > 0n ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/** |qty × price − amount| in fen, exactly (price as decimal text). */
export function priceGapFen(qty: number, price: string, amountFen: bigint): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(price);
  if (!match) return Number.POSITIVE_INFINITY;
  const decimals = (match[3] ?? "").length;
  const scaledPrice = BigInt(`${match[2]}${match[3] ?? ""}`) * (match[1] ? -1n : 1n);
  const product = scaledPrice * BigInt(qty); // yuan × 10^decimals
  const amount = amountFen * 10n ** BigInt(decimals); // fen × 10^decimals = yuan × 10^(decimals+2)
  const diff = product * 100n - amount; // in fen × 10^decimals
  const abs = diff < 0n ? -diff : diff;
  return Number(abs) / 10 ** decimals;
}
