// What purchasing sees of one short material: how much, when first needed, who waits, what is on order.
export interface ShortageView {
  sku: string;
  name: string;
  leadTimeDays: number;
  qtyShort: number;
  dateNeeded: string;
  red: boolean;
  onHand: number;
  reserved: number;
  orders: { orderNo: string; qtyShort: number; dateNeeded: string; rush: boolean }[];
  openSupply: { kind: string; ref: string; qty: number; expectedDate: string; location: string; afterNeed: boolean }[];
}
