// What a password must be before it is stored: at least 10 characters, and strong by zxcvbn's estimate
// (score 3 of 4: no common password, keyboard walk, date or the person's own name and username, in
// plain or l33t spelling). The estimator is the maintained TypeScript port of Dropbox's zxcvbn.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { AppError } from "../errors.js";

export const MIN_PASSWORD_LENGTH = 10;
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    useLevenshteinDistance: true,
  });
  return estimator;
};

export type PasswordWeakness = "too_short" | "weak";

/** Why a password is refused (undefined: it is fine); `personal`: the username, display name and the like. */
export function passwordWeakness(password: string, personal: string[] = []): PasswordWeakness | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "too_short";
  const inputs = [...personal, "lvyue", "履约"].filter(Boolean);
  if (inputs.some((p) => password.toLowerCase().includes(p.toLowerCase()) && p.length >= 3)) return "weak";
  return zxcvbn().check(password, inputs).score >= MIN_SCORE ? undefined : "weak";
}

/** Refuses a weak password with 400 naming the field. */
export function assertStrongPassword(password: string, personal: string[], field = "password"): void {
  const weakness = passwordWeakness(password, personal);
  if (weakness === "too_short") throw new AppError("invalid", "password.too_short", { field, min: MIN_PASSWORD_LENGTH }, field);
  if (weakness) throw new AppError("invalid", "password.weak", { field }, field);
}
