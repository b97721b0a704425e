// HTTP routes of the importer: a multipart upload (dry run or commit), past runs, saved mappings.
// Imports run synchronously: a year of ledgers (32,000 rows) commits in seconds, so the reply carries
// the whole report; the CLI shows progress from the same engine.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, notFound } from "../core/errors.js";
import { requirePrincipal } from "../core/http/access.js";
import type { AppDeps } from "../core/http/app-deps.js";
import { errorReplies } from "../core/http/schemas.js";
import { langFromHeader } from "../core/i18n.js";
import { contentDisposition, type ExportColumn, exportXlsx, XLSX_TYPE } from "../exports/xlsx-export.js";
import { FIELDS, IMPORT_KINDS, REQUIRED } from "./model/fields.js";
import type { RowIssue } from "./model/issues.js";
import type { ValueAnswers } from "./model/value-words.js";
import { invalidAnswer } from "./model/vocabularies.js";
import { ImportProgress } from "./progress.js";
import { runImport } from "./run-import.js";
import { fieldsReply, importQuery, importReply, mappingSchema, progressReply, templateBody, templateReply, valuesSchema } from "./schemas.js";
import { getTemplate, listImports, listTemplates, saveTemplate } from "./store.js";

const ERROR_COLUMNS: ExportColumn<RowIssue & { message: string }>[] = [
  { header: "行号", kind: "integer", value: (e) => e.row },
  { header: "列", kind: "text", width: 16, value: (e) => e.column || e.field },
  { header: "字段", kind: "text", value: (e) => e.field },
  { header: "内容", kind: "text", width: 24, value: (e) => e.value },
  { header: "原因", kind: "text", width: 40, value: (e) => e.message },
];

type LedgerOnly = NonNullable<Awaited<ReturnType<typeof runImport>>["afterGoLive"]>["missing"][number];

const RECONCILIATION_COLUMNS: ExportColumn<LedgerOnly>[] = [
  { header: "台账行号", kind: "text", width: 12, value: (o) => o.rows.join("、") },
  { header: "订单号", kind: "text", width: 18, value: (o) => o.orderNo },
  { header: "客户", kind: "text", width: 28, value: (o) => o.customerName },
  { header: "下单日期", kind: "date", value: (o) => o.orderedOn },
  { header: "金额", kind: "money", value: (o) => o.amount },
  { header: "时段", kind: "text", width: 12, value: (o) => (o.inDualRun ? "双轨期内" : "双轨期后") },
  { header: "说明", kind: "text", width: 30, value: () => "应在履约中录入，履约中未找到" },
];

async function readMultipart(request: FastifyRequest, limit: number) {
  let file: { buffer: Buffer; name: string } | undefined;
  let mapping: Record<string, string> | undefined;
  let values: ValueAnswers | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") file = { buffer: await part.toBuffer(), name: part.filename || "upload" };
      else if (part.fieldname === "mapping") {
        let parsed: unknown;
        try {
          parsed = JSON.parse(String(part.value));
        } catch {
          throw new AppError("invalid", "field.type", { field: "mapping", expected: "a JSON object {field: header}" }, "mapping");
        }
        // `values` (answers to unknown words) rides in the same JSON: {field: header, …, values: {status: {返修: "delivered"}}}.
        const { values: answers, ...columns } = (parsed && typeof parsed === "object" ? parsed : { parsed }) as Record<string, unknown>;
        const result = mappingSchema.safeParse(columns);
        if (!result.success) throw new AppError("invalid", "field.type", { field: "mapping", expected: "a JSON object {field: header}" }, "mapping");
        mapping = result.data;
        if (answers !== undefined) {
          const checked = valuesSchema.safeParse(answers);
          if (!checked.success) {
            throw new AppError("invalid", "field.type", { field: "mapping.values", expected: "a JSON object {field: {word: value}}" }, "mapping.values");
          }
          values = checked.data;
        }
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("too_large", "import.file_too_large", { limit }, "file");
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE") throw new AppError("invalid", "import.file_missing", {}, "file");
    throw error;
  }
  if (!file) throw new AppError("invalid", "import.file_missing", {}, "file");
  return { file, mapping, values };
}

/** The template's answers, then the request's: a word answered in both takes the request's answer. */
function mergeAnswers(saved: ValueAnswers, given: ValueAnswers): ValueAnswers {
  const merged: ValueAnswers = { ...saved };
  for (const [field, words] of Object.entries(given)) merged[field] = { ...(saved[field] ?? {}), ...words };
  return merged;
}

export function importRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const progress = new ImportProgress();
  r.post(
    "/api/imports",
    {
      config: { access: "imports.run" },
      schema: {
        tags: ["imports"],
        summary: "Import a .xlsx or .csv (multipart: file, optional mapping JSON); dryRun=1 reports every row and writes nothing",
        consumes: ["multipart/form-data"],
        querystring: importQuery,
        response: { 200: importReply, 413: errorReplies[400], ...errorReplies },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { file, mapping, values } = await readMultipart(request, deps.config.importMaxBytes);
      const query = request.query;
      let templateMapping: Record<string, string> = {};
      let templateValues: ValueAnswers = {};
      let headerRow = query.headerRow;
      if (query.template) {
        const template = await getTemplate(deps.db, query.template);
        if (!template || template.kind !== query.kind) throw notFound("import.template_not_found", { name: query.template }, "template");
        templateMapping = template.mapping;
        templateValues = template.value_answers;
        headerRow ??= template.header_row ?? undefined;
      }
      const tracked = query.progress ? progress.start(principal.name, query.progress, query.dryRun) : undefined;
      let report: Awaited<ReturnType<typeof runImport>>;
      try {
        report = await runImport(deps.db, principal, {
          buffer: file.buffer,
          handOver: true,
          fileName: file.name,
          kind: query.kind,
          sheet: query.sheet,
          year: query.year,
          headerRow,
          mapping: { ...templateMapping, ...(mapping ?? {}) },
          values: mergeAnswers(templateValues, values ?? {}),
          questionMarkIsYen: query.questionMarkIsYen,
          dryRun: query.dryRun,
          lang: langFromHeader(request.headers["accept-language"]),
          onProgress: tracked?.report,
        });
      } catch (error) {
        tracked?.end(false);
        throw error;
      }
      tracked?.end(true);
      if (query.format === "json") return report;
      if (query.format === "reconciliation") {
        const missing = report.afterGoLive?.missing ?? [];
        const book = await exportXlsx(
          "应录入履约",
          RECONCILIATION_COLUMNS,
          (async function* () {
            yield missing;
          })(),
        );
        return reply
          .type(XLSX_TYPE)
          .header("content-disposition", contentDisposition(`对账_应录入履约_${file.name.replace(/\.[^.]*$/, "")}.xlsx`))
          .send(book as never);
      }
      const workbook = await exportXlsx(
        "错误行",
        ERROR_COLUMNS,
        (async function* () {
          yield report.errors ?? [];
        })(),
      );
      // A Buffer bypasses the JSON serializer; the 200 schema documents the JSON form.
      const name = `导入错误_${file.name.replace(/\.[^.]*$/, "")}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", contentDisposition(name))
        .send(workbook as never);
    },
  );
  r.get(
    "/api/imports",
    {
      config: { access: "imports.run" },
      schema: {
        tags: ["imports"],
        summary: "Committed imports, newest first, with their reports",
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ imports: z.array(z.record(z.string(), z.unknown())) }), ...errorReplies },
      },
    },
    async (request) => ({ imports: await listImports(deps.db, request.query.limit) }),
  );
  r.get(
    "/api/imports/fields",
    {
      config: { access: "imports.run" },
      schema: {
        tags: ["imports"],
        summary: "The fields each kind of import reads, with their Chinese labels and the headers they are recognised by",
        response: { 200: fieldsReply, ...errorReplies },
      },
    },
    async () => ({
      kinds: Object.fromEntries(
        IMPORT_KINDS.map((kind) => [
          kind,
          {
            fields: Object.entries(FIELDS[kind]).map(([field, spec]) => ({ field, label: spec.label, headers: spec.headers })),
            required: REQUIRED[kind],
          },
        ]),
      ),
    }),
  );
  r.get(
    "/api/imports/progress/:id",
    {
      config: { access: "imports.run" },
      schema: {
        tags: ["imports"],
        summary: "How far the caller's import started with ?progress={id} has got (kept 5 minutes after it ends)",
        params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
        response: { 200: progressReply, ...errorReplies },
      },
    },
    async (request) => {
      const found = progress.get(requirePrincipal(request).name, request.params.id);
      if (!found) throw notFound("import.progress_not_found", { id: request.params.id }, "id");
      return found;
    },
  );
  r.get(
    "/api/imports/templates",
    {
      config: { access: "imports.run" },
      schema: { tags: ["imports"], summary: "Saved column mappings", response: { 200: z.object({ templates: z.array(templateReply) }), ...errorReplies } },
    },
    async () => ({ templates: await listTemplates(deps.db) }),
  );
  r.put(
    "/api/imports/templates/:name",
    {
      config: { access: "imports.run" },
      schema: {
        tags: ["imports"],
        summary: "Save a column mapping under a name (use it with ?template=name)",
        params: z.object({ name: z.string().trim().min(1).max(60) }),
        body: templateBody,
        response: { 200: templateReply, ...errorReplies },
      },
    },
    async (request) => {
      const bad = invalidAnswer(request.body.kind, request.body.values ?? {});
      if (bad) {
        const detail = bad.value === undefined ? "this field takes no word mapping" : `“${bad.word}” → “${bad.value}” is not one of ours`;
        throw new AppError("invalid", "import.mapping_invalid", { field: bad.field, detail }, `values.${bad.field}`);
      }
      return saveTemplate(deps.db, {
        name: request.params.name,
        kind: request.body.kind,
        mapping: request.body.mapping,
        values: request.body.values,
        headerRow: request.body.headerRow,
        by: requirePrincipal(request).name,
      });
    },
  );
}
