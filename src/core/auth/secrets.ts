// Passwords are hashed with argon2id; session and API tokens are random and stored only as SHA-256.
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

let decoy: Promise<string> | undefined;
/** A hash of nothing anyone knows: checking an unknown user's password against it costs what a real check does. */
export const decoyHash = () => {
  decoy ??= hash(randomBytes(24).toString("base64url"));
  return decoy;
};

export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
