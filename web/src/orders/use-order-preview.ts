// Asks POST /api/orders/preview (the same judging code as saving, which it does not do) what saving the
// order being typed would do, once per pause in typing; a reply to an older draft is dropped.
import { type DraftAnswer, useDraftAnswer } from "./use-draft-answer";

export interface RuleRef {
  id: number;
  version: number;
  name: string;
}
export interface OrderPreviewReply {
  accepted: true;
  status: string;
  promisedDate: string | null;
  planDate: string | null;
  requestedDate: string | null;
  totalAmount: string;
  nonstandard: boolean;
  rush: boolean;
  tags: string[];
  credit: { grade: string; limit: string; openReceivables: string; headroom: string; exceededBy: string | null };
  hold: { reason: string; ownerRole: string; holds: { reason: string; releasableBy: string[]; creditCheck: boolean; rule: RuleRef }[] } | null;
  tasks: { title: string; assigneeRole: string | null; assigneeName: string | null; mentions: string[]; rule: RuleRef }[];
  blocks: { to: string; reason: string; untilTaskDone: boolean; rule: RuleRef }[];
  reservations: { expiresAt: string | null; rule: RuleRef; lines: { lineNo: number; sku: string; requested: number; reserved: number }[] } | null;
  pins: { board: string; colour: string; rule: RuleRef }[];
  notifications: { toRole: string; level: string; message: string; rule: RuleRef }[];
}
export interface OrderPreviewRefusal {
  accepted: false;
  refusal: { code: string; message: string; field?: string; status: number };
}
export type OrderDraft = {
  customer?: string;
  requestedDate?: string;
  rush?: boolean;
  lines: { sku: string; qty: number; params?: Record<string, string | number | boolean> }[];
};

export type PreviewState = DraftAnswer<OrderPreviewReply | OrderPreviewRefusal>;

export function useOrderPreview(draft: OrderDraft, generation = 0): PreviewState {
  return useDraftAnswer<OrderPreviewReply | OrderPreviewRefusal>("/api/orders/preview", draft, generation);
}
