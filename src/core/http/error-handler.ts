// Every failure leaves as {"error":{code, reason, message, field?}} in the caller's language.
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors.js";
import { langFromHeader } from "../i18n.js";
import { validationToAppError } from "./validation-errors.js";

export function toAppError(error: FastifyError, request: FastifyRequest, bodyLimit: number): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return validationToAppError(error.validation[0] as never, error.validationContext);
  }
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("malformed", "request.malformed_json", { detail: error.message });
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE": // multipart limits (@fastify/multipart)
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
      return new AppError("too_large", "request.too_large", { limit: bodyLimit });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("malformed", "request.unsupported_type", { type: String(request.headers["content-type"] ?? "") });
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new AppError("malformed", "request.malformed_json", { detail: error.message });
  }
  // A plugin's own refusal (a static file it will not serve, a URL it cannot decode) keeps its 4xx.
  if (error.statusCode === 404 || error.statusCode === 403) {
    return new AppError("not_found", "not_found.route", { method: request.method, url: request.url.split("?")[0] });
  }
  if (error.statusCode === 400) return new AppError("malformed", "request.malformed_url", { detail: error.message });
  return new AppError("internal", "internal.error", { requestId: String(request.id) });
}

export function errorHandler(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request, bodyLimit);
    if (appError.code === "internal") request.log.error({ err: error }, "unhandled error");
    return reply.status(appError.status).send(appError.toBody(langFromHeader(request.headers["accept-language"])));
  };
}
