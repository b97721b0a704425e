import { describe, expect, it } from "vitest";
import type { Principal } from "../../src/core/auth/principal.js";
import { PrincipalCache } from "../../src/core/auth/principal-cache.js";
import type { Listen } from "../../src/core/db/listen.js";

const sales: Principal = { kind: "user", id: 2, name: "sales", roles: ["sales"] };
const listening = async () => {
  let notify: () => void = () => {};
  const listen: Listen = async (_channel, onPayload) => {
    notify = () => onPayload("sessions");
    return async () => {};
  };
  const cache = new PrincipalCache();
  await cache.start(listen);
  return { cache, notify: () => notify() };
};

/** A lookup that counts its calls. */
function counted<T>(answer: () => T) {
  const lookup = async () => {
    lookup.calls++;
    return answer();
  };
  lookup.calls = 0;
  return lookup;
}

describe("principal cache", () => {
  it("looks a key up once, then answers from memory until a notice", async () => {
    const { cache, notify } = await listening();
    const lookup = counted(() => ({ principal: sales, expiresAt: new Date(Date.now() + 60_000) }));
    expect(await cache.resolve("session a", lookup)).toEqual(sales);
    expect(await cache.resolve("session a", lookup)).toEqual(sales);
    expect(lookup.calls).toBe(1);
    notify();
    await cache.resolve("session a", lookup);
    expect(lookup.calls).toBe(2);
  });

  it("keeps nothing read before a notice that arrived during the lookup", async () => {
    const { cache, notify } = await listening();
    let lookups = 0;
    const lookup = async () => {
      lookups++;
      notify();
      return { principal: sales, expiresAt: null };
    };
    await cache.resolve("token t", lookup);
    await cache.resolve("token t", lookup);
    expect(lookups).toBe(2);
  });

  it("does not answer for an expired session, nor remember unknown keys", async () => {
    const { cache } = await listening();
    const expired = counted(() => ({ principal: sales, expiresAt: new Date(Date.now() - 1) }));
    const unknown = counted(() => undefined);
    expect(await cache.resolve("session x", expired)).toEqual(sales);
    expect(await cache.resolve("session x", unknown)).toBeUndefined();
    expect(await cache.resolve("session x", unknown)).toBeUndefined();
    expect(expired.calls + unknown.calls).toBe(3);
  });

  it("without a notice channel, looks up every time", async () => {
    const cache = new PrincipalCache();
    const lookup = counted(() => ({ principal: sales, expiresAt: null }));
    for (let i = 0; i < 3; i++) await cache.resolve("session a", lookup);
    expect(lookup.calls).toBe(3);
  });
});
