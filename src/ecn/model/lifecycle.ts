// The life of an engineering change notice: draft → review → approved → released → closed. Review may
// send it back to draft; only an approved notice is released (by its own use case, which checks that
// every affected row has a decision).
export const ECN_STATUSES = ["draft", "review", "approved", "released", "closed"] as const;
export type EcnStatus = (typeof ECN_STATUSES)[number];

const MOVES: Record<EcnStatus, EcnStatus[]> = {
  draft: ["review"],
  review: ["approved", "draft"],
  approved: ["review"],
  released: ["closed"],
  closed: [],
};

export const mayMove = (from: EcnStatus, to: EcnStatus) => MOVES[from].includes(to);
/** Decisions are taken (and changed) until the notice is released. */
export const mayDecide = (status: EcnStatus) => status === "draft" || status === "review" || status === "approved";
