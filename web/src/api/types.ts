// Shapes of the API replies the screens read: taken from the generated contract (web/src/api/contract.ts,
// written from /openapi.json), so they cannot drift from the server's zod schemas.
import type { Reply } from "./contract";

export type OrderView = Reply<"GET /api/orders/{orderNo}">;
export type OrderHeader = Reply<"GET /api/orders">["orders"][number];
export type OrderEvent = OrderView["events"][number];
/** What the signed-in person may do to the order now. */
export type OrderAction = Reply<"GET /api/orders/{orderNo}/actions">[number];
export type StatusLink = NonNullable<OrderView["statusLink"]>;
export type Person = Pick<Reply<"GET /api/tasks/people">["people"][number], "username" | "displayName">;
export type Me = Reply<"GET /api/auth/me">;

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
