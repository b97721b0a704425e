// Request and reply shapes of the import routes.
import { z } from "zod";
import { IMPORT_KINDS } from "./model/fields.js";

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const importQuery = z.strictObject({
  dryRun: flag,
  kind: z.enum(IMPORT_KINDS).default("orders"),
  sheet: z.string().min(1).max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  headerRow: z.coerce.number().int().min(1).max(1000).optional(),
  template: z.string().min(1).max(60).optional(),
  questionMarkIsYen: flag.describe("the file lost its ¥ signs when saved as GBK (?49,318.70): read a leading ? as ¥"),
  format: z
    .enum(["json", "xlsx", "reconciliation"])
    .default("json")
    .describe("xlsx: the row errors as a workbook to download; reconciliation: the ledger orders from go-live on that Lvyue does not hold, as a workbook"),
  progress: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional()
    .describe("an id the caller chooses; GET /api/imports/progress/{id} then tells how far this run has got"),
});

export const progressReply = z.object({
  phase: z.enum(["read", "check", "write", "done", "failed"]),
  done: z.number(),
  total: z.number(),
  percent: z.number().describe("0–100 over the whole run"),
});

/** field → header text or column letter ("" drops a field the importer guessed). */
export const mappingSchema = z.record(z.string().max(40), z.string().max(100));

/** field → ledger word → our value: answers to words of a closed list the importer did not know. */
export const valuesSchema = z
  .record(z.string().max(40), z.record(z.string().min(1).max(100), z.string().max(40)))
  .describe('field → the ledger\'s word → our value, e.g. {status: {返修: "delivered"}}');

export const templateBody = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  mapping: mappingSchema,
  values: valuesSchema.optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
});

export const templateReply = z.object({
  name: z.string(),
  kind: z.string(),
  mapping: z.record(z.string(), z.string()),
  values: z.record(z.string(), z.record(z.string(), z.string())),
  headerRow: z.number().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

const issue = z.object({
  row: z.number(),
  field: z.string(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
  detail: z.string().optional(),
  message: z.string(),
});

export const importReply = z
  .object({
    importId: z.number().nullable().describe("set once committed"),
    dryRun: z.boolean(),
    replayed: z.boolean().describe("this file's sheet was committed before: nothing new was written"),
    alreadyImported: z.object({ importId: z.number(), at: z.string(), by: z.string() }).nullable(),
    file: z.object({
      name: z.string(),
      hash: z.string(),
      format: z.string(),
      encoding: z.string().nullable(),
      sheets: z.array(z.string()),
      sheet: z.string(),
    }),
    kind: z.string(),
    headerRow: z.number(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string()).describe("field → header it was read from"),
    unmappedHeaders: z.array(z.string()),
    year: z.object({ value: z.number(), source: z.string() }).nullable(),
    rows: z.number().describe("data rows (not blank, not totals)"),
    valid: z.number(),
    invalid: z.number(),
    waitingRows: z
      .array(z.number())
      .describe("rows whose only problems are questions answered once for the file (an unknown word, a ¥ lost to GBK): answered, they import"),
    unknownValues: z
      .array(z.object({ field: z.string(), value: z.string(), rows: z.number(), choices: z.array(z.string()) }))
      .describe("every word of a closed list (status, grade, item kind) the importer did not know, with the rows carrying it"),
    lostYen: z
      .object({ rows: z.number(), firstRow: z.number(), message: z.string() })
      .nullable()
      .describe("amounts whose ¥ became ? when the file was saved as GBK, said once for the file; ?questionMarkIsYen=1 reads them"),
    blankRows: z.number(),
    totalRows: z.array(z.number()),
    duplicateRows: z.array(z.object({ row: z.number(), sameAs: z.number() })),
    formulaCells: z.number(),
    errors: z.array(issue),
    create: z.record(z.string(), z.number()),
    existing: z.record(z.string(), z.number()),
    customers: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        action: z.enum(["matched", "create"]),
        by: z.enum(["code", "name", "alias"]).optional(),
        variants: z.array(z.string()),
        orders: z.number(),
        proposals: z
          .array(z.object({ code: z.string(), name: z.string(), confidence: z.number(), by: z.enum(["short_name", "abbreviation", "spelling"]) }))
          .optional()
          .describe("for a customer the commit would create: existing customers it may be, best first; confirming one saves the spelling as an alias"),
      }),
    ),
    amount: z.string().nullable(),
    afterGoLive: z
      .object({
        goLiveOn: z.string(),
        dualRunEndsOn: z.string(),
        orders: z.number(),
        rows: z.number().describe("ledger rows dated from go-live on: not imported as history"),
        inLvyue: z.array(z.object({ orderNo: z.string(), lvyueOrderNo: z.string(), by: z.enum(["order_no", "customer_date_amount"]) })),
        missing: z
          .array(
            z.object({
              orderNo: z.string(),
              customerName: z.string(),
              customerCode: z.string().nullable(),
              orderedOn: z.string(),
              amount: z.string(),
              rows: z.array(z.number()),
              inDualRun: z.boolean(),
            }),
          )
          .describe("the reconciliation list: in the Excel ledger, not in Lvyue — should have been entered in Lvyue"),
      })
      .nullable()
      .describe("set once the plant has a go-live date (PUT /api/settings/go-live); orders kind only"),
  })
  .passthrough();

export const fieldsReply = z.object({
  kinds: z.record(
    z.string(),
    z.object({
      fields: z.array(z.object({ field: z.string(), label: z.string(), headers: z.array(z.string()) })),
      required: z.array(z.array(z.string())).describe("each group: one of its fields must be mapped"),
    }),
  ),
});
