// Shapes of the API replies the screens read (the server's zod schemas are the source of truth).
export interface OrderHeader {
  orderNo: string;
  customer: string;
  customerName?: string;
  status: string;
  holdReason: string | null;
  rush: boolean;
  tags: string[];
  requestedDate: string | null;
  promisedDate: string | null;
  totalAmount: string;
  nonstandard: boolean;
  owner: { role: string | null; user: string | null; name?: string | null };
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrderEvent {
  id: number;
  at: string;
  actor: string;
  kind: "created" | "transition" | "changed";
  from: string | null;
  to: string | null;
  reason: string | null;
  data: unknown;
  /** Who acted, in people's words (display name, or a rule's name and version). */
  actorNames?: ({ kind: "user" | "system"; name: string } | { kind: "rule"; name: string; version: number })[];
}

export interface OrderView extends OrderHeader {
  promise: {
    date: string | null;
    state?: "promised" | "at_risk" | "none";
    /** When none: why no date could be promised, in people's words. */
    reason?: { zh: string; en: string } | null;
  } | null;
  lines: { lineNo: number; sku: string; qty: number; amount: string; nonstandard: boolean; params: unknown; itemName?: string; uom?: string }[];
  events: OrderEvent[];
}

export interface Task {
  id: number;
  title: string;
  orderNo: string | null;
  assignee: string | null;
  dueAt: string | null;
  createdAt: string;
}

export interface TaskList {
  total: number;
  items: Task[];
}

export type PinnedOrder = OrderHeader & { pinColour: string };

export interface Me {
  name: string;
  displayName: string;
  roles: string[];
}

/** GET /api/orders/:orderNo/actions: what the signed-in person may do to the order now. */
export interface OrderAction {
  action: string;
  label: string;
  needs: ("reason" | "carrier" | "trackingNo" | "requestedDate" | "outcome" | "note")[];
  route: "transition" | "patch" | "shipment+transition" | "status-link" | "task";
  to?: string;
  taskId?: number;
  exposure?: {
    customer: string;
    customerName: string;
    creditLimit: string;
    openReceivables: string;
    openOrders: string;
    openOrderCount: number;
    thisOrder: string;
    headroom: string;
  };
}

export interface StatusLink {
  id: number;
  url: string;
  expiresAt: string;
  createdAt: string;
  createdBy: string;
  opens: number;
}

export interface Person {
  username: string;
  displayName: string;
}

export interface InboxTask {
  id: number;
  title: string;
  orderNo: string | null;
  assignee: { role: string | null; user: string | null; person: Person | null };
  dueAt: string | null;
  status: string;
  kind: "task" | "customer_input";
  review: boolean;
  createdAt: string;
  follows: { id: number; title: string; note: string | null; by: Person | null } | null;
}
