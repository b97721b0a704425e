// Issue 19: every workbook an office saves gives the same row outcomes. The messy ledger (test/support/
// workbooks.ts) written by exceljs is the reference; the same content written by a second writer library
// (SheetJS: .xlsx with and without a shared-string table, .xlsm, BIFF8 .xls/.et, CSV), saved as CSV in
// UTF-8 with and without BOM, GB18030 and GBK, and converted by LibreOffice Calc (committed files, and live
// where LibreOffice is installed), and laid out as other writers lay out the parts (x: prefixes, strict
// OOXML, shared formulas) must be dry-run to the very same report.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZip } from "../../src/imports/read/zip-entries.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { dryRunOutcome, messyLedger, rewriteXlsx, upload, viaSheetJS } from "../support/workbooks.js";

let t: TestApp;
let reference: Record<string, unknown>;
let xlsx: Buffer;
beforeAll(async () => {
  t = await startTestApp();
  xlsx = await messyLedger(20);
  const res = await upload(t, xlsx, "台账.xlsx", "?dryRun=1", { as: "sales" });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  // The reference itself is messy: errors, a duplicate, a blank and a total row.
  expect(res.body).toMatchObject({ rows: 26, invalid: 1, blankRows: 1, totalRows: [30] });
  expect(res.body.duplicateRows).toEqual([{ row: 8, sameAs: 7 }]);
  reference = res.body;
});
afterAll(() => t?.close());

async function dryRun(file: Buffer, name: string, query = "") {
  const res = await upload(t, file, name, `?dryRun=1${query}`, { as: "sales" });
  expect(res.status, `${name}: ${JSON.stringify(res.body).slice(0, 400)}`).toBe(200);
  return res.body;
}

/** The CSV of the ledger's first sheet, as SheetJS writes it (UTF-8, no BOM). */
const csvText = async () => (await viaSheetJS(xlsx, "csv")).toString("utf8");

describe("the messy ledger from a second writer library (SheetJS)", () => {
  it("as .xlsx with inline strings, with a shared-string table, and as .xlsm", async () => {
    for (const [file, name] of [
      [await viaSheetJS(xlsx, "xlsx"), "sheetjs-inline.xlsx"],
      [await viaSheetJS(xlsx, "xlsx", { bookSST: true }), "sheetjs-sst.xlsx"],
      [await viaSheetJS(xlsx, "xlsm", { bookSST: true }), "sheetjs.xlsm"],
    ] as const) {
      const body = await dryRun(file, name);
      expect(body.file.format).toBe("xlsx");
      expect(dryRunOutcome(body), name).toEqual(dryRunOutcome(reference));
    }
  });

  it("as CSV in UTF-8 with and without BOM, and in GB18030", async () => {
    const text = await csvText();
    expect(text).toContain("苏州恒锐机电有限公司");
    for (const [file, name, encoding] of [
      [Buffer.from(text, "utf8"), "utf8.csv", "utf-8"],
      [Buffer.from(`\ufeff${text}`, "utf8"), "utf8-bom.csv", "utf-8"],
      [iconv.encode(text, "gb18030"), "gb18030.csv", "gb18030"],
    ] as const) {
      const body = await dryRun(file, name);
      expect(body.file).toMatchObject({ format: "csv", encoding });
      // A CSV has one sheet and no name for it.
      expect(dryRunOutcome(body, false), name).toEqual(dryRunOutcome(reference, false));
    }
  });

  it("as CSV in GBK, which has no ¥: said once; read with ? as ¥, the same outcome", async () => {
    const gbk = iconv.encode(await csvText(), "gbk");
    const lost = await dryRun(gbk, "gbk.csv");
    expect(lost.lostYen).toMatchObject({ rows: 1, firstRow: 3 });
    const body = await dryRun(gbk, "gbk.csv", "&questionMarkIsYen=1");
    expect(body.file).toMatchObject({ format: "csv", encoding: "gb18030" });
    expect(dryRunOutcome(body, false)).toEqual(dryRunOutcome(reference, false));
  });
});

const FIXTURES = join(import.meta.dirname, "../fixtures/libreoffice");

describe("the messy ledger saved by LibreOffice Calc 7.4 (committed files, test/fixtures/libreoffice)", () => {
  it("as .xlsx (Calc MS Excel 2007 XML), as .xls (MS Excel 97) and the same bytes as WPS .et", async () => {
    const calcXlsx = readFileSync(join(FIXTURES, "ledger-calc.xlsx"));
    const calcXls = readFileSync(join(FIXTURES, "ledger-calc.xls"));
    expect(calcXlsx.subarray(0, 4).toString("hex")).toBe("504b0304");
    expect(calcXls.subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
    for (const [file, name, format] of [
      [calcXlsx, "calc.xlsx", "xlsx"],
      [calcXls, "calc.xls", "xls"],
      [calcXls, "calc.et", "xls"],
    ] as const) {
      const body = await dryRun(file, name);
      expect(body.file.format).toBe(format);
      expect(dryRunOutcome(body), name).toEqual(dryRunOutcome(reference));
    }
  });

  it("with rich-text runs, through .ods and back to .xlsx", async () => {
    const file = readFileSync(join(FIXTURES, "ledger-rich-via-ods.xlsx"));
    // LibreOffice writes the runs as <r> elements of the shared strings (here: 苏州恒锐 in bold red).
    const body = await dryRun(file, "rich.xlsx");
    expect(dryRunOutcome(body)).toEqual(dryRunOutcome(reference));
  });
});

/** Runs soffice on files in a fresh directory; answers the converted files' bytes by name. */
function soffice(inputs: Record<string, Buffer>, convertTo: string, dir: string): Promise<void> {
  for (const [name, bytes] of Object.entries(inputs)) writeFileSync(join(dir, name), bytes);
  const args = [
    `-env:UserInstallation=file://${join(dir, "profile")}`,
    "--headless",
    "--convert-to",
    convertTo,
    "--outdir",
    join(dir, "out"),
    ...Object.keys(inputs).map((n) => join(dir, n)),
  ];
  return new Promise((resolve, reject) =>
    execFile("soffice", args, { timeout: 170_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`${error.message} ${stderr}`)) : resolve())),
  );
}

const hasSoffice = await new Promise<boolean>((resolve) => execFile("soffice", ["--version"], { timeout: 60_000 }, (error) => resolve(!error)));

describe.skipIf(!hasSoffice)("the messy ledger converted live by LibreOffice (runs only where LibreOffice is installed)", () => {
  it("converts to .xlsx, .xls and .ods→.xlsx with rich text, each with the same outcome", { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "lvyue-soffice-"));
    try {
      const rich = await messyLedger(20, "L", { richText: true });
      await soffice({ "rich.xlsx": rich }, "ods", dir);
      const ods = readFileSync(join(dir, "out", "rich.ods"));
      await soffice({ "plain.xlsx": xlsx, "rich-ods.ods": ods }, "xlsx:Calc MS Excel 2007 XML", dir);
      await soffice({ "plain.xlsx": xlsx }, "xls:MS Excel 97", dir);
      for (const name of ["plain.xlsx", "rich-ods.xlsx", "plain.xls"]) {
        const body = await dryRun(readFileSync(join(dir, "out", name)), name);
        expect(dryRunOutcome(body), name).toEqual(dryRunOutcome(reference));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

describe("the messy ledger as other writers lay out its parts (hand-made from the exceljs file)", () => {
  it("with every SpreadsheetML element prefixed x: (the .NET Open XML SDK's way)", async () => {
    const prefixed = rewriteXlsx(xlsx, (name, xml) =>
      name.startsWith("xl/") && !name.includes("_rels") && xml.includes(`xmlns="${MAIN}"`)
        ? xml.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)([a-zA-Z]\w*)(?=[\s/>])/g, "<$1x:$2")
        : xml,
    );
    const sheet = readZip(prefixed).text("xl/worksheets/sheet1.xml") ?? "";
    expect(sheet).toContain("<x:row");
    expect(sheet).not.toMatch(/<row\b/);
    expect(dryRunOutcome(await dryRun(prefixed, "x-prefix.xlsx"))).toEqual(dryRunOutcome(reference));
  });

  it("in strict OOXML (ISO 29500 strict namespaces)", async () => {
    const strict = rewriteXlsx(xlsx, (_name, xml) =>
      xml
        .replaceAll(MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main")
        .replaceAll("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    );
    expect(readZip(strict).text("xl/_rels/workbook.xml.rels")).toContain("purl.oclc.org/ooxml/officeDocument/relationships/worksheet");
    expect(dryRunOutcome(await dryRun(strict, "strict.xlsx"))).toEqual(dryRunOutcome(reference));
  });

  it("with a column of shared formulas (one master, the rest pointing to it) whose results are cached", async () => {
    // 产品型号 (column G) of the plain rows as =G$3-style shared string formulas with their cached text.
    let shared = 0;
    const withFormulas = rewriteXlsx(xlsx, (name, xml) =>
      name !== "xl/worksheets/sheet1.xml"
        ? xml
        : xml.replace(/<c r="G(1[2-9]|2[0-9])"([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, row: string) => {
            const f = shared++ === 0 ? `<f t="shared" ref="G12:G29" si="0">"PS-"&amp;"100"</f>` : `<f t="shared" si="0"/>`;
            return `<c r="G${row}" t="str">${f}<v>PS-100</v></c>`;
          }),
    );
    expect(shared).toBe(18);
    const body = await dryRun(withFormulas, "shared-formulas.xlsx");
    expect(body.formulaCells).toBe(18);
    expect({ ...dryRunOutcome(body), formulaCells: 0 }).toEqual({ ...dryRunOutcome(reference), formulaCells: 0 });
  });
});
