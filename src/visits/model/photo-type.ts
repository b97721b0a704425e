// What an uploaded photo really is, by its first bytes: the file name and the declared type can lie.
export type PhotoMime = "image/jpeg" | "image/png" | "image/webp";

export function sniffPhoto(bytes: Uint8Array): PhotoMime | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
