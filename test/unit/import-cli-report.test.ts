import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/imports/cli-report.js";

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
