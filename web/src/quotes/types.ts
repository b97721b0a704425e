// Shapes of the quote replies, from the generated contract.
import type { Body, Reply } from "../api/contract";

export type QuoteView = Reply<"GET /api/quotes/{quoteNo}">;
export type QuoteVersion = QuoteView["versions"][number];
export type QuoteLine = QuoteVersion["lines"][number];
export type QuoteListItem = Reply<"GET /api/quotes">["quotes"][number];
export type QuoteDiff = Reply<"GET /api/quotes/{quoteNo}/diff">;
export type SendReply = Reply<"POST /api/quotes/{quoteNo}/versions/{v}/send">;
export type ConvertReply = Reply<"POST /api/quotes/{quoteNo}/versions/{v}/convert">;
export type VersionBody = Body<"POST /api/quotes/{quoteNo}/versions">;
