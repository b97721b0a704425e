// Reads a service visit's multipart upload: the fields (parts as JSON, notes, date) and one photo,
// type-checked by its bytes and size-limited. Refuses with the field at fault; nothing is stored here.
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../core/errors.js";
import { assertClean } from "../core/http/hygiene.js";
import { isoDate } from "../core/http/schemas.js";
import { validationToAppError } from "../core/http/validation-errors.js";
import { MAX_PHOTO_BYTES, type PhotoMime, sniffPhoto } from "./model/photo-type.js";

export const visitFields = z.strictObject({
  parts: z
    .array(z.strictObject({ sku: z.string().min(1).max(40), qty: z.number().int().min(1).max(1000) }))
    .min(1)
    .max(50),
  notes: z.string().max(4000).default(""),
  visitedOn: isoDate.optional(),
});
export type VisitFields = z.infer<typeof visitFields>;

export interface VisitUpload {
  fields: VisitFields;
  photo: { mime: PhotoMime; bytes: Buffer };
}

const PHOTO_FIELD = "photo";

async function readPhoto(part: MultipartFile): Promise<VisitUpload["photo"]> {
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") {
      throw new AppError("too_large", "visit.photo_too_large", { field: PHOTO_FIELD, limit: MAX_PHOTO_BYTES }, PHOTO_FIELD);
    }
    throw error;
  }
  if (!bytes.length) throw new AppError("invalid", "visit.photo_empty", { field: PHOTO_FIELD }, PHOTO_FIELD);
  const mime = sniffPhoto(bytes);
  if (!mime) throw new AppError("invalid", "visit.photo_type", { field: PHOTO_FIELD, declared: part.mimetype || "?" }, PHOTO_FIELD);
  return { mime, bytes };
}

export async function readVisitUpload(request: FastifyRequest): Promise<VisitUpload> {
  if (!request.isMultipart()) throw new AppError("malformed", "request.not_multipart");
  const raw: Record<string, unknown> = {};
  let photo: VisitUpload["photo"] | undefined;
  try {
    // The app's multipart limits fit spreadsheets; a visit takes one photo of at most MAX_PHOTO_BYTES.
    for await (const part of request.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 20, fieldSize: 100_000, parts: 25 } })) {
      if (part.type === "file") {
        if (part.fieldname !== PHOTO_FIELD) throw new AppError("invalid", "field.unknown", { field: part.fieldname }, part.fieldname);
        photo = await readPhoto(part);
        continue;
      }
      const value = String(part.value);
      if (part.fieldname === "parts") {
        try {
          raw.parts = JSON.parse(value);
        } catch {
          throw new AppError("invalid", "visit.bad_json", { field: "parts" }, "parts");
        }
      } else raw[part.fieldname] = value;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_FILES_LIMIT") throw new AppError("invalid", "visit.too_many_files", { field: PHOTO_FIELD }, PHOTO_FIELD);
    // The size limit can surface from the part stream or from the parts iterator, depending on timing.
    if (code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError("too_large", "visit.photo_too_large", { field: PHOTO_FIELD, limit: MAX_PHOTO_BYTES }, PHOTO_FIELD);
    throw error;
  }
  assertClean(raw, "body");
  const parsed = visitFields.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw validationToAppError(
      { keyword: issue.code, instancePath: `/${issue.path.join("/")}`, message: issue.message, params: issue as unknown as Record<string, unknown> },
      "body",
    );
  }
  if (!photo) throw new AppError("invalid", "visit.photo_missing", { field: PHOTO_FIELD }, PHOTO_FIELD);
  return { fields: parsed.data, photo };
}
