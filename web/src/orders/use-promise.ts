// Asks POST /api/promise (which saves nothing) for the order being typed, at most once per pause in
// typing; a reply to an older version of the lines is dropped.
import type { PromiseReply } from "../api/plan-types";
import { type DraftAnswer, useDraftAnswer } from "./use-draft-answer";

export interface PromiseDraft {
  customer?: string;
  requestedDate?: string;
  lines: { sku: string; qty: number }[];
}

export type PromiseState = DraftAnswer<PromiseReply>;

export function usePromise(draft: PromiseDraft): PromiseState {
  return useDraftAnswer<PromiseReply>("/api/promise", draft);
}
