// Checks a photo before it is sent, so a bad pick is named at once; the server checks again, by content.
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png", "image/webp"];

export type PhotoProblem = "empty" | "too_large" | "type";

export function photoProblem(file: { size: number; type: string }): PhotoProblem | null {
  if (file.size === 0) return "empty";
  if (file.size > MAX_PHOTO_BYTES) return "too_large";
  if (!TYPES.includes(file.type)) return "type";
  return null;
}
