// People's words in one order's view: the customer's name, the owner's and each actor's display name,
// the rule and version behind a rule's step ("rule:32@v2" → 信用超限拦截 v2), each line's item name and unit.
import type { Kysely } from "kysely";
import type { DB } from "../core/db/schema.js";
import type { OrderView, orderHeader } from "./get-order.js";

export type ActorName = { kind: "user"; name: string } | { kind: "rule"; name: string; version: number } | { kind: "system"; name: string };

const RULE_ACTOR = /^rule:(\d+)@v(\d+)$/;

export async function nameOrderView(db: Kysely<DB>, view: OrderView) {
  const actors = [...new Set(view.events.flatMap((e) => e.actor.split(",")))];
  const ruleIds = [...new Set(actors.flatMap((a) => (RULE_ACTOR.test(a) ? [Number(RULE_ACTOR.exec(a)?.[1])] : [])))];
  const usernames = [...new Set([...actors.filter((a) => !RULE_ACTOR.test(a)), ...(view.owner.user ? [view.owner.user] : [])])];
  const skus = [...new Set(view.lines.map((l) => l.sku))];
  const [customer, users, rules, items] = await Promise.all([
    db.selectFrom("customers").select("name").where("code", "=", view.customer).executeTakeFirst(),
    usernames.length ? db.selectFrom("users").select(["username", "display_name"]).where("username", "in", usernames).execute() : [],
    ruleIds.length ? db.selectFrom("rules").select(["id", "name"]).where("id", "in", ruleIds).execute() : [],
    skus.length ? db.selectFrom("items").select(["sku", "name", "uom"]).where("sku", "in", skus).execute() : [],
  ]);
  const person = new Map(users.map((u) => [u.username, u.display_name]));
  const rule = new Map(rules.map((r) => [r.id, r.name]));
  const item = new Map(items.map((i) => [i.sku, i]));
  const actorName = (actor: string): ActorName => {
    const m = RULE_ACTOR.exec(actor);
    if (m) return { kind: "rule", name: rule.get(Number(m[1])) ?? `#${m[1]}`, version: Number(m[2]) };
    const name = person.get(actor);
    return name ? { kind: "user", name } : { kind: "system", name: actor };
  };
  return {
    ...view,
    customerName: customer?.name ?? view.customer,
    owner: { ...view.owner, name: view.owner.user ? (person.get(view.owner.user) ?? view.owner.user) : null },
    lines: view.lines.map((l) => ({ ...l, itemName: item.get(l.sku)?.name ?? l.sku, uom: item.get(l.sku)?.uom ?? "" })),
    events: view.events.map((e) => ({ ...e, actorNames: e.actor.split(",").map(actorName) })),
  };
}

type Header = ReturnType<typeof orderHeader> & { customerName?: string };

/**
 * People's words on every board: the customer's name beside its code and the owner's display name
 * (吴财务), not a user name. Two reads for a whole list, whatever its length.
 */
export async function nameOrders<T extends Header>(db: Kysely<DB>, orders: T[]) {
  const codes = [...new Set(orders.filter((o) => !o.customerName).map((o) => o.customer))];
  const users = [...new Set(orders.flatMap((o) => (o.owner.user ? [o.owner.user] : [])))];
  const [customers, people] = await Promise.all([
    codes.length ? db.selectFrom("customers").select(["code", "name"]).where("code", "in", codes).execute() : [],
    users.length ? db.selectFrom("users").select(["username", "display_name"]).where("username", "in", users).execute() : [],
  ]);
  const customerName = new Map(customers.map((c) => [c.code, c.name]));
  const displayName = new Map(people.map((p) => [p.username, p.display_name]));
  return orders.map((o) => ({
    ...o,
    customerName: o.customerName ?? customerName.get(o.customer) ?? o.customer,
    owner: { ...o.owner, name: o.owner.user ? (displayName.get(o.owner.user) ?? o.owner.user) : null },
  }));
}
