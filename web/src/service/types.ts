// Replies of the installed-base API (GET /api/equipment/:serial, proposals, visits) as the pages use them.
export interface UnitPart {
  sku: string;
  name: string;
  qty: number;
}
export interface Equipment {
  serial: string;
  model: { sku: string; name: string; family: string };
  customer: { code: string; name: string };
  site: string;
  orderNo: string | null;
  source: "delivery" | "import";
  installedOn: string;
  warrantyUntil: string;
  underWarranty: boolean;
  repairHistory: {
    id: number;
    visitedOn: string;
    engineer: string;
    notes: string;
    parts: UnitPart[];
    photo: string | null;
    warrantyCard: { code: string; url: string; validUntil: string } | null;
  }[];
  lifecycle: { id: number; at: string; kind: "installed" | "imported" | "visit"; actor: string; data: Record<string, unknown> }[];
  usualSpares: { sku: string; name: string; unitPrice: string; visits: number; qty: number; share: number }[];
  modelHistory: { units: number; visits: number };
  compatibleModels: { sku: string; name: string; family: string; reasons: string[] }[];
}
export interface Proposal {
  lines: { sku: string; name: string; qty: number; unitPrice: string; amount: string; reason: "usual_spare" | "requested" }[];
  total: string;
  orderRequest: unknown;
  order: { orderNo: string; status: string } | null;
}
export interface VisitResult {
  id: number;
  serial: string;
  visitedOn: string;
  parts: (UnitPart & { warrantyUntil: string })[];
  warrantyCard: { code: string; validFrom: string; validUntil: string; url: string } | null;
  replenishmentRequested: boolean;
  lifecycleEntry: boolean;
  rules: string[];
}
