import { randomBytes } from "node:crypto";
import CFB from "cfb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { countRows, LEDGER_HEADER, upload, workbook } from "../support/workbooks.js";

const LIMIT = 256 * 1024;
let t: TestApp;
let before: Awaited<ReturnType<typeof countRows>>;
beforeAll(async () => {
  t = await startTestApp({ importMaxBytes: LIMIT });
  before = await countRows(t);
});
afterAll(() => t?.close());

const row = (no: string, amount: unknown = "100") => [
  no,
  "苏州恒锐机电有限公司",
  "2025-01-03",
  "2025-01-20",
  "2025-01-19",
  amount,
  "PS-100",
  "1",
  "已交货",
  "",
];

function compoundFile(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, content);
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}

async function refused(file: Buffer, name: string, query = "") {
  for (const q of [`?dryRun=1${query}`, `?x=1${query}`.replace("?x=1&", "?").replace("?x=1", "")]) {
    const res = await upload(t, file, name, q);
    expect(res.status, JSON.stringify(res.body)).not.toBe(200);
    expect(await countRows(t)).toEqual(before);
    if (q.startsWith("?dryRun")) continue;
    return res;
  }
  throw new Error("unreachable");
}

describe("files that cannot be imported get a clear message and import nothing", () => {
  it("a damaged workbook", async () => {
    const good = await workbook([{ name: "2025", rows: [LEDGER_HEADER, row("B1")] }]);
    const res = await refused(good.subarray(0, good.length / 2), "broken.xlsx");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ reason: "import.file_corrupt", field: "file" });
    expect(res.body.error.message).toContain("broken.xlsx");
    const garbage = await refused(Buffer.concat([Buffer.from("PK\u0003\u0004"), randomBytes(2000)]), "garbage.xlsx");
    expect(garbage.body.error.reason).toBe("import.file_corrupt");
    const binary = await refused(randomBytes(3000), "random.csv");
    expect(binary.body.error.reason).toBe("import.file_corrupt");
  });

  it("a password-protected workbook, and a damaged .xls named in the message", async () => {
    const encrypted = compoundFile({ EncryptionInfo: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: randomBytes(4096) });
    const res = await refused(encrypted, "加密.xlsx");
    expect(res.body.error.reason).toBe("import.file_encrypted");
    expect(res.body.error.message).toBe("文件 加密.xlsx 有密码保护：请在 Excel 中去除密码后再导入");
    const xls = await refused(compoundFile({ Workbook: randomBytes(4096) }), "old.xls");
    expect(xls.body.error).toMatchObject({ reason: "import.file_corrupt", field: "file" });
    expect(xls.body.error.message).toContain("old.xls");
  });

  it("a sheet with no recognisable header", async () => {
    const file = await workbook([
      {
        name: "Sheet1",
        rows: [
          ["随便", "写写"],
          ["1", "2"],
          ["3", "4"],
        ],
      },
    ]);
    const res = await refused(file, "noheader.xlsx");
    expect(res.body.error.reason).toBe("import.no_header");
    expect(res.body.error.message).toContain("订单号");
  });

  it("a file above the size limit", async () => {
    const big = Buffer.concat([Buffer.from(`${LEDGER_HEADER.join(",")}\n`), Buffer.alloc(LIMIT + 10, "x")]);
    const res = await refused(big, "huge.csv");
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "too_large", reason: "import.file_too_large", field: "file" });
  });

  it("formulas: cached results are used, formulas never calculated are refused with their cells", async () => {
    const withResults = await workbook([
      {
        name: "2025",
        rows: [LEDGER_HEADER, row("F1", 0), row("F2", 0)],
        edit: (ws) => {
          ws.getCell("F2").value = { formula: "H2*1250.5", result: 1250.5 };
          ws.getCell("F3").value = { formula: "H3*899", result: 899 };
        },
      },
    ]);
    const ok = await upload(t, withResults, "formulas.xlsx", "?dryRun=1");
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ valid: 2, formulaCells: 2, amount: "2149.50" });

    const noResults = await workbook([
      {
        name: "2025",
        rows: [LEDGER_HEADER, row("F1", 0), row("F2", 0)],
        edit: (ws) => {
          ws.getCell("F2").value = { formula: "H2*1250.5" } as never;
          ws.getCell("F3").value = { formula: "H3*899" } as never;
        },
      },
    ]);
    const res = await refused(noResults, "uncalculated.xlsx");
    expect(res.body.error.reason).toBe("import.formula_no_result");
    expect(res.body.error.cells).toEqual(["F2", "F3"]);
  });

  it("merged cells in the data (a merged title above the header is fine)", async () => {
    const title = [["2025年订单台账"], LEDGER_HEADER, row("M1"), row("M2")];
    const titled = await upload(t, await workbook([{ name: "2025", rows: title, merges: ["A1:J1"] }]), "title.xlsx", "?dryRun=1");
    expect(titled.status, JSON.stringify(titled.body)).toBe(200);
    expect(titled.body.valid).toBe(2);
    const merged = await workbook([{ name: "2025", rows: title, merges: ["A1:J1", "B3:B4"] }]);
    const res = await refused(merged, "merged.xlsx");
    expect(res.body.error).toMatchObject({ reason: "import.merged_cells", merges: ["B3:B4"] });
    expect(res.body.error.message).toContain("B3:B4");
  });

  it("no file, or an empty one", async () => {
    const none = await t.api("POST", "/api/imports?dryRun=1", { form: new FormData() });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ reason: "import.file_missing", field: "file" });
    const json = await t.api("POST", "/api/imports?dryRun=1", { body: { file: "x" } });
    expect(json.status).toBe(400);
    const empty = await refused(Buffer.alloc(0), "empty.csv");
    expect(empty.body.error.reason).toBe("import.file_empty");
  });
});
