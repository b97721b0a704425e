// The clock port: what the use cases read as "now". The server runs on the wall clock; a caller that
// replays time (the promise simulator) runs its use-case calls inside `runWithClock`, so every use case
// it reaches takes the simulated instant without any global being patched. Scoped to the async call
// chain (AsyncLocalStorage), so requests served meanwhile keep the wall clock.
import { AsyncLocalStorage } from "node:async_hooks";
import { plantDay } from "./plant-day.js";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const scope = new AsyncLocalStorage<Clock>();

/** The instant the current call chain runs at. */
export function now(): Date {
  return (scope.getStore() ?? systemClock).now();
}

export function nowMs(): number {
  return now().getTime();
}

/** The plant's day (China Standard Time) of the current instant. */
export function plantToday(): string {
  return plantDay(now());
}

export function runWithClock<T>(clock: Clock, fn: () => T): T {
  return scope.run(clock, fn);
}

/** A clock a caller moves by hand. */
export function manualClock(start: Date): Clock & { set(at: Date | number): void } {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    set: (to) => {
      at = typeof to === "number" ? to : to.getTime();
    },
  };
}
