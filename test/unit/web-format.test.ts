import { describe, expect, it } from "vitest";
import { yuan } from "../../web/src/components/format.js";

describe("amounts as people read them", () => {
  it("¥ with thousands separators and two decimals, digit by digit (no float on the way)", () => {
    expect(yuan("12345")).toBe("¥12,345.00");
    expect(yuan("12345.5")).toBe("¥12,345.50");
    expect(yuan("-511842.17")).toBe("-¥511,842.17");
    expect(yuan("0.00")).toBe("¥0.00");
    expect(yuan("90071992547409931.99")).toBe("¥90,071,992,547,409,931.99");
    expect(yuan("")).toBe("—");
    expect(yuan("n/a")).toBe("n/a");
  });
});
