// Purchasing's shapes, from the contract.
import type { Reply } from "../api/contract";

export type Proposals = Reply<"GET /api/purchasing/proposals">;
export type ProposalGroup = Proposals["groups"][number];
export type Watch = Reply<"GET /api/purchasing/watch">;
export type WatchLine = Watch["unconfirmed"][number];
export type LateLine = Watch["late"][number];
export type Supplier = Reply<"GET /api/suppliers">["suppliers"][number];
export type AcceptResult = Reply<"POST /api/purchasing/proposals/accept">;
