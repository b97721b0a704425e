// Which holds a credit limit put on an order: the ones finance releases and whose reason names the limit
// (the default rules' "超信用额度"). An external credit check's hold waits for the provider's answer instead.

export interface HoldRow {
  reason: string;
  releasable_by: string[];
}

export function isCreditLimitHold(hold: HoldRow): boolean {
  return hold.releasable_by.includes("finance") && /信用额度|credit limit/i.test(hold.reason) && !/外部信用审核/.test(hold.reason);
}
