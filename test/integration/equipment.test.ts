import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/core/auth/roles.js";
import { findCjkFont } from "../../src/core/cjk-font.js";
import { drainOutbox } from "../../src/core/outbox/drain-outbox.js";
import { addMonths } from "../../src/equipment/model/installed-base.js";
import { plantDay } from "../../src/orders/model/numbering.js";
import { OUTBOX_HANDLERS } from "../../src/outbox/handlers.js";
import { installDefaultRules } from "../../src/rules/install-default-rules.js";
import { VISIT_DEFAULT_RULES } from "../../src/rules/visit-default-rules.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { type PhotoPart, postVisit as postVisitAs, TINY_PNG } from "../support/visits.js";

const PNG = TINY_PNG;
let t: TestApp;
let orderNo: string;
const cookie = (role: "engineering") => t.cookie(role);
const postVisit = (serial: string, fields: Record<string, string>, photo: PhotoPart, as: Role = "engineering") => postVisitAs(t, serial, fields, photo, as);

const counts = async () => {
  const db = t.database.db;
  const n = async (table: "service_visits" | "visit_photos" | "replenishment_requests" | "warranty_cards" | "equipment_events" | "outbox") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    visits: await n("service_visits"),
    photos: await n("visit_photos"),
    replenishment: await n("replenishment_requests"),
    cards: await n("warranty_cards"),
    events: await n("equipment_events"),
    outbox: await n("outbox"),
  };
};
const drain = async () => {
  while ((await drainOutbox(t.database.db, OUTBOX_HANDLERS, { backoffMs: 0 })) > 0) {}
};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  // Only the visit rules: the order rules' notices would mix with the ones checked here.
  expect(await installDefaultRules(db, VISIT_DEFAULT_RULES)).toBe(VISIT_DEFAULT_RULES.length);
  await db.updateTable("items").set({ warranty_months: 24 }).where("sku", "=", "TT-200").execute();
  await db.updateTable("customers").set({ region: "苏州工业园区" }).where("code", "=", "C-A1").execute();
  await db
    .insertInto("items")
    .values([
      {
        sku: "PS-200",
        name: "压力传感器 PS-200",
        kind: "finished",
        family: "压力传感器",
        uom: "pcs",
        unit_price: "1500.00",
        lead_time_days: 0,
        serialised: true,
        param_schema: "{}",
      },
      {
        sku: "DP-300",
        name: "差压变送器 DP-300",
        kind: "finished",
        family: "差压变送器",
        uom: "pcs",
        unit_price: "2100.00",
        lead_time_days: 0,
        serialised: true,
        param_schema: "{}",
      },
    ])
    .execute();
  const [bom] = await db.insertInto("bom_versions").values({ sku: "DP-300", version: 1, effective_from: "2025-01-01" }).returning("id").execute();
  const core = await db.selectFrom("bom_versions").select("id").where("sku", "=", "PS-100").where("version", "=", 1).executeTakeFirstOrThrow();
  expect(core.id).toBeGreaterThan(0);
  await db.insertInto("bom_lines").values({ bom_version_id: bom.id, component_sku: "SA-CORE", qty_per: "1" }).execute();

  const created = await t.api("POST", "/api/orders", {
    as: "sales",
    body: {
      customer: "C-A1",
      lines: [
        { sku: "PS-100", qty: 2 },
        { sku: "TT-200", qty: 1 },
        { sku: "PM-HOUSING", qty: 5 },
      ],
    },
  });
  expect(created.status).toBe(201);
  orderNo = created.body.orderNo;
});
afterAll(() => t?.close());

describe("installed base", () => {
  it("delivering an order registers one record per serialised unit, with serial, customer, site and warranty", async () => {
    for (const [to, as] of [
      ["scheduled", "planner"],
      ["in_production", "planner"],
      ["ready", "planner"],
      ["shipped", "warehouse"],
    ] as const) {
      expect((await t.api("POST", `/api/orders/${orderNo}/transitions`, { as, body: { to } })).status).toBe(200);
    }
    expect((await t.api("GET", `/api/equipment/PS-100-${orderNo}-1`, { as: "engineering" })).status).toBe(404);
    expect((await t.api("POST", `/api/orders/${orderNo}/transitions`, { as: "warehouse", body: { to: "delivered" } })).status).toBe(200);

    const today = plantDay(new Date());
    const list = await t.api("GET", "/api/equipment?customer=C-A1", { as: "service" });
    expect(list.body.equipment.map((e: { serial: string }) => e.serial)).toEqual([`PS-100-${orderNo}-1`, `PS-100-${orderNo}-2`, `TT-200-${orderNo}-1`]);
    const unit = await t.api("GET", `/api/equipment/PS-100-${orderNo}-2`, { as: "engineering" });
    expect(unit.status).toBe(200);
    expect(unit.body).toMatchObject({
      serial: `PS-100-${orderNo}-2`,
      model: { sku: "PS-100", name: "压力传感器 PS-100", family: "压力传感器" },
      customer: { code: "C-A1", name: "苏州恒锐机电有限公司" },
      site: "苏州工业园区",
      orderNo,
      source: "delivery",
      installedOn: today,
      warrantyUntil: addMonths(today, 12),
      underWarranty: true,
      repairHistory: [],
    });
    expect(unit.body.lifecycle).toMatchObject([{ kind: "installed", actor: "warehouse", data: { orderNo } }]);
    const tt = await t.api("GET", `/api/equipment/TT-200-${orderNo}-1`, { as: "sales" });
    expect(tt.body.warrantyUntil).toBe(addMonths(today, 24));
  });

  it("finds compatible models by family and by a shared sub-assembly", async () => {
    const unit = await t.api("GET", `/api/equipment/PS-100-${orderNo}-1`, { as: "engineering" });
    expect(unit.body.compatibleModels).toEqual([
      { sku: "DP-300", name: "差压变送器 DP-300", family: "差压变送器", reasons: ["shares SA-CORE"] },
      { sku: "PS-200", name: "压力传感器 PS-200", family: "压力传感器", reasons: ["same_family"] },
    ]);
  });

  it("imports older equipment only when every row is valid, naming each bad row and field", async () => {
    const before = await counts();
    const rows = [
      { serial: "OLD-0001", sku: "PS-100", customer: "C-B1", site: "无锡新区", installedOn: "2024-05-10" },
      { serial: "OLD-0002", sku: "NOPE", customer: "C-B1", installedOn: "2024-05-10" },
      { serial: "OLD-0001", sku: "PS-100", customer: "C-X", installedOn: "2024-02-30" },
      { serial: `PS-100-${orderNo}-1`, sku: "PS-100", customer: "C-B1", installedOn: "2024-05-10", warrantyUntil: "2024-01-01" },
    ];
    const refused = await t.api("POST", "/api/equipment/import", { as: "service", body: { rows } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.reason).toBe("equipment.import_invalid");
    expect(refused.body.error.errors).toEqual([
      { row: 2, field: "sku", reason: "unknown item NOPE" },
      { row: 3, field: "installedOn", reason: "a real calendar date" },
      { row: 4, field: "serial", reason: `serial PS-100-${orderNo}-1 is already registered` },
      { row: 4, field: "warrantyUntil", reason: "before installedOn" },
    ]);
    expect(await counts()).toEqual(before);
    expect((await t.api("GET", "/api/equipment/OLD-0001", { as: "service" })).status).toBe(404);

    const dry = await t.api("POST", "/api/equipment/import?dryRun=1", { as: "service", body: { rows: [rows[0]] } });
    expect(dry.body).toMatchObject({ rows: 1, valid: 1, errors: [], imported: 0, dryRun: true });
    const ok = await t.api("POST", "/api/equipment/import", {
      as: "engineering",
      body: { rows: [rows[0], { serial: "OLD-0003", sku: "TT-200", customer: "C-B1", installedOn: "2023-01-31", warrantyUntil: "2025-01-31" }] },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(2);
    const old = await t.api("GET", "/api/equipment/OLD-0001", { as: "engineering" });
    expect(old.body).toMatchObject({ source: "import", installedOn: "2024-05-10", warrantyUntil: "2025-05-10", underWarranty: false, site: "无锡新区" });
    expect(old.body.lifecycle).toMatchObject([{ kind: "imported" }]);
    const again = await t.api("POST", "/api/equipment/import", { as: "engineering", body: { rows: [rows[0]] } });
    expect(again.status).toBe(422);
  });
});

describe("service visit", () => {
  it("one record with a photo issues the warranty card PDF, a replenishment request and a lifecycle entry", async () => {
    const serial = `PS-100-${orderNo}-1`;
    const res = await postVisit(
      serial,
      {
        parts: JSON.stringify([
          { sku: "PM-CHIP", qty: 1 },
          { sku: "PM-HOUSING", qty: 2 },
        ]),
        notes: "芯片漂移，更换芯片与壳体",
      },
      { bytes: PNG, type: "image/png" },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const today = plantDay(new Date());
    expect(res.body).toMatchObject({
      serial,
      visitedOn: today,
      engineer: "engineering",
      parts: [
        { sku: "PM-CHIP", qty: 1, warrantyUntil: addMonths(today, 6) },
        { sku: "PM-HOUSING", qty: 2 },
      ],
      photo: { mime: "image/png", size: PNG.length },
    });
    const code: string = res.body.warrantyCard.code;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const replenishment = await t.database.db.selectFrom("replenishment_requests").selectAll().where("visit_id", "=", res.body.id).orderBy("sku").execute();
    expect(replenishment.map((r) => [r.sku, r.qty, r.status])).toEqual([
      // as written, before the warehouse acts
      ["PM-CHIP", 1, "open"],
      ["PM-HOUSING", 2, "open"],
    ]);
    const listed = await t.api("GET", "/api/replenishment-requests", { as: "warehouse" });
    expect(listed.body.requests.map((r: { sku: string; qty: number; serial: string }) => [r.sku, r.qty, r.serial])).toEqual([
      ["PM-CHIP", 1, serial],
      ["PM-HOUSING", 2, serial],
    ]);
    const first = listed.body.requests[0].id;
    expect((await t.api("POST", `/api/replenishment-requests/${first}/done`, { as: "warehouse" })).body).toEqual({ id: first, status: "done" });
    const twice = await t.api("POST", `/api/replenishment-requests/${first}/done`, { as: "warehouse" });
    expect(twice.status).toBe(422);
    expect(twice.body.error.reason).toBe("replenishment.not_open");
    expect((await t.api("GET", "/api/replenishment-requests?status=done", { as: "purchasing" })).body.requests).toHaveLength(1);
    expect((await t.api("POST", "/api/replenishment-requests/999999/done", { as: "warehouse" })).status).toBe(404);
    const warehouseNote = await t.database.db.selectFrom("notifications").selectAll().where("to_role", "=", "warehouse").executeTakeFirstOrThrow();
    expect(warehouseNote.message).toContain("PM-CHIP × 1");

    await drain();
    const card = await t.database.db.selectFrom("warranty_cards").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
    expect(card.rendered_at).not.toBeNull();
    const serviceNote = await t.database.db.selectFrom("notifications").selectAll().where("to_role", "=", "service").executeTakeFirstOrThrow();
    expect(serviceNote.message).toContain(`/w/${code}`);

    const pdf = await fetch(`${t.url}/w/${code}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const text = (await new PDFParse({ data: bytes }).getText()).text;
    for (const expected of [code, serial, "PM-CHIP", "PM-HOUSING", today, addMonths(today, 6), "Electronic warranty card"]) expect(text).toContain(expected);
    // Chinese needs a CJK font on the machine (fonts-noto-cjk); without one the card says it is English-only.
    expect(text).toContain(findCjkFont() ? "电子保修卡" : "No CJK font");

    const unit = await t.api("GET", `/api/equipment/${serial}`, { as: "engineering" });
    expect(unit.body.lifecycle.map((e: { kind: string }) => e.kind)).toEqual(["installed", "visit"]);
    expect(unit.body.lifecycle[1].data).toMatchObject({ visitId: res.body.id, warrantyCode: code });
    expect(unit.body.repairHistory).toMatchObject([{ id: res.body.id, notes: "芯片漂移，更换芯片与壳体", warrantyCard: { code } }]);
    const photo = await fetch(`${t.url}${unit.body.repairHistory[0].photo}`, { headers: { cookie: await cookie("engineering") } });
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${t.url}${unit.body.repairHistory[0].photo}`)).status).toBe(401);
  });

  it("refuses bad uploads with a clear message and stores nothing", async () => {
    const serial = `PS-100-${orderNo}-2`;
    const parts = JSON.stringify([{ sku: "PM-CHIP", qty: 1 }]);
    const before = await counts();
    const cases: [Record<string, string>, PhotoPart, number, string, string][] = [
      [{ parts }, { bytes: Buffer.from("%PDF-1.7 not a photo"), type: "image/png" }, 400, "visit.photo_type", "photo"],
      [{ parts }, { bytes: Buffer.alloc(0), type: "image/jpeg" }, 400, "visit.photo_empty", "photo"],
      [{ parts }, { bytes: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), type: "image/png" }, 413, "visit.photo_too_large", "photo"],
      [{ parts }, null, 400, "visit.photo_missing", "photo"],
      [{ parts: "[{sku:" }, { bytes: PNG, type: "image/png" }, 400, "visit.bad_json", "parts"],
      [{ parts: "[]" }, { bytes: PNG, type: "image/png" }, 400, "field.too_short", "parts"],
      [{ parts: JSON.stringify([{ sku: "PM-CHIP", qty: 0 }]) }, { bytes: PNG, type: "image/png" }, 400, "field.too_small", "parts[0].qty"],
      [{ parts: JSON.stringify([{ sku: "NOPE", qty: 1 }]) }, { bytes: PNG, type: "image/png" }, 400, "item.not_found", "parts[0].sku"],
      [{ parts, visitedOn: "2099-01-01" }, { bytes: PNG, type: "image/png" }, 400, "field.too_big", "visitedOn"],
      [{ parts, colour: "red" }, { bytes: PNG, type: "image/png" }, 400, "field.unknown", "colour"],
    ];
    for (const [fields, photo, status, reason, field] of cases) {
      const res = await postVisit(serial, fields, photo);
      expect(res.status, `${reason}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.error).toMatchObject({ reason, field });
      expect(res.body.error.message).toContain(field === "parts[0].sku" ? "NOPE" : field);
    }
    const english = await fetch(`${t.url}/api/equipment/${serial}/visits`, {
      method: "POST",
      headers: { cookie: await cookie("engineering"), "accept-language": "en" },
      body: (() => {
        const f = new FormData();
        f.append("parts", parts);
        f.append("photo", new Blob([Buffer.from("GIF89a......")], { type: "image/gif" }), "x.gif");
        return f;
      })(),
    });
    expect((await english.json()).error.message).toBe("Photo photo must be a JPEG, PNG or WebP image (judged by its content; declared as image/gif)");
    const json = await t.api("POST", `/api/equipment/${serial}/visits`, { as: "engineering", body: { parts: [] } });
    expect(json.status).toBe(400);
    expect(json.body.error.reason).toBe("request.not_multipart");
    expect((await postVisit("NO-SUCH-UNIT", { parts }, { bytes: PNG, type: "image/png" })).status).toBe(404);
    expect((await postVisit(serial, { parts }, { bytes: PNG, type: "image/png" }, "warehouse")).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("learns the usual spares of a model from its visits, and proposes them as an order body", async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
    const second = await postVisit(
      `PS-100-${orderNo}-2`,
      { parts: JSON.stringify([{ sku: "PM-CHIP", qty: 1 }]) },
      { bytes: jpeg, type: "image/jpeg" },
      "service",
    );
    expect(second.status).toBe(201);
    const unit = await t.api("GET", `/api/equipment/PS-100-${orderNo}-2`, { as: "sales" });
    expect(unit.body.modelHistory).toEqual({ units: 3, visits: 2 });
    expect(unit.body.usualSpares).toEqual([
      { sku: "PM-CHIP", name: "压阻芯片", unitPrice: "88.00", visits: 2, qty: 2, share: 1 },
      { sku: "PM-HOUSING", name: "不锈钢壳体", unitPrice: "45.00", visits: 1, qty: 2, share: 0.5 },
    ]);

    const proposal = await t.api("POST", `/api/equipment/PS-100-${orderNo}-2/proposal`, {
      as: "engineering",
      body: { minShare: 0.6, lines: [{ sku: "PS-200", qty: 1 }] },
    });
    expect(proposal.status).toBe(200);
    expect(proposal.body.lines).toEqual([
      { sku: "PM-CHIP", name: "压阻芯片", qty: 1, unitPrice: "88.00", amount: "88.00", reason: "usual_spare" },
      { sku: "PS-200", name: "压力传感器 PS-200", qty: 1, unitPrice: "1500.00", amount: "1500.00", reason: "requested" },
    ]);
    expect(proposal.body.total).toBe("1588.00");
    expect(proposal.body.alternatives.map((a: { sku: string }) => a.sku)).toEqual(["DP-300", "PS-200"]);
    const placed = await t.api("POST", "/api/orders", { as: "sales", body: proposal.body.orderRequest });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.customer).toBe("C-A1");

    expect((await t.api("POST", `/api/equipment/PS-100-${orderNo}-2/proposal`, { as: "engineering", body: { create: true } })).status).toBe(403);
    const direct = await t.api("POST", `/api/equipment/PS-100-${orderNo}-2/proposal`, { as: "sales", body: { create: true } });
    expect(direct.status).toBe(200);
    expect(direct.body.order.orderNo).toMatch(/^DH\d{11}$/);
    const order = await t.api("GET", `/api/orders/${direct.body.order.orderNo}`, { as: "sales" });
    expect(order.body.lines.map((l: { sku: string; qty: number }) => [l.sku, l.qty])).toEqual([
      ["PM-CHIP", 1],
      ["PM-HOUSING", 2],
    ]);
    const bad = await t.api("POST", `/api/equipment/PS-100-${orderNo}-2/proposal`, { as: "sales", body: { lines: [{ sku: "NOPE", qty: 1 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("lines[0].sku");
  });

  it("a warranty card link that is unknown or malformed reveals nothing", async () => {
    for (const code of ["AAAA-AAAA-AAAA-AAAA", "nonsense", "%3Cscript%3E"]) {
      const res = await fetch(`${t.url}/w/${code}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain("没有这张保修卡");
      expect(html).not.toMatch(/PS-100|DH\d{11}/);
    }
  });
});
