// Verification codes printed on warranty cards: 16 Crockford base32 characters (80 random bits), easy
// to read aloud and to type, with no I, L, O or U.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

export function newVerificationCode(bytes: Uint8Array = randomBytes(10)): string {
  let bits = 0n;
  for (const b of bytes.subarray(0, 10)) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 16; i++) out = ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)] + out;
  return out.match(/.{4}/g)!.join("-");
}
