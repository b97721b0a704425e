// Shared by the after-sales tests: a real tiny PNG, and posting a service visit as multipart.
import type { Role } from "../../src/core/auth/roles.js";
import type { TestApp } from "./test-app.js";

/** A real 1×1 PNG. */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export type PhotoPart = { bytes: Uint8Array; type: string; name?: string } | null;

export async function postVisit(t: TestApp, serial: string, fields: Record<string, string>, photo: PhotoPart, as: Role = "engineering") {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (photo) form.append("photo", new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name ?? "photo.png");
  return t.api("POST", `/api/equipment/${serial}/visits`, { as, form });
}
