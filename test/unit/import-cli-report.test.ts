import { describe, expect, it } from "vitest";
import { progressBar, summaryRows } from "../../src/imports/cli-report.js";
import type { ImportReport } from "../../src/imports/run-import.js";

describe("import progress bar", () => {
  it("fills in proportion and names the phase", () => {
    expect(progressBar("write", 8000, 32000, 20)).toBe("写入 write   [#####---------------]  25% 8000/32000");
    expect(progressBar("check", 0, 10, 10)).toBe("检查 check   [----------]   0% 0/10");
    expect(progressBar("read", 5, 5, 4)).toBe("读取 read    [####] 100% 5/5");
  });

  it("never overflows, and a phase with nothing to do is complete", () => {
    expect(progressBar("write", 12, 10, 10)).toContain("[##########] 100%");
    expect(progressBar("write", 0, 0, 10)).toContain("[##########] 100%");
  });
});

describe("import summary of the CLI", () => {
  const base = {
    file: { name: "a.csv", format: "csv", encoding: "gb18030", sheet: "csv" },
    headerRow: 1,
    rows: 3,
    valid: 1,
    invalid: 0,
    blankRows: 0,
    totalRows: [],
    duplicateRows: [],
    create: {},
    existing: {},
    amount: null,
    dryRun: true,
  };

  it("names the unknown words and the lost ¥ once, and reads a report stored before them", () => {
    const report = {
      ...base,
      waitingRows: [2, 3],
      unknownValues: [{ field: "status", value: "返修", rows: 2, choices: ["open", "delivered"] }],
      lostYen: { rows: 1, firstRow: 3, message: "this file lost its ¥ signs" },
    };
    const rows = summaryRows(report as unknown as ImportReport);
    expect(rows).toContainEqual({ 项目: "待确认 waiting", 值: 2 });
    expect(rows).toContainEqual({ 项目: "不认识的写法 unknown status", 值: "返修 ×2 → open/delivered" });
    expect(rows).toContainEqual({ 项目: "¥ 丢失 lost ¥", 值: "this file lost its ¥ signs" });
    expect(summaryRows(base as unknown as ImportReport).map((r) => r.项目)).not.toContain("待确认 waiting");
  });
});
