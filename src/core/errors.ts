// One error type for every refusal, with a closed list of codes mapped to HTTP status in one place.
import { type MessageKey, type MessageParams, translate } from "./i18n.js";

export const ERROR_STATUS = {
  malformed: 400, // the request cannot be read (bad JSON, wrong content type)
  invalid: 400, // a field is missing, of the wrong type or outside its allowed values
  unauthenticated: 401, // no valid session or token
  forbidden: 403, // signed in, but the role may not do this
  not_found: 404, // the thing named does not exist
  stale_version: 409, // If-Match names an older version than the current one
  conflict: 409, // the same key was reused for something else, or a concurrent change won
  too_large: 413, // the body is over the limit
  business_rule: 422, // valid input, but the business says no (transition, rush for grade D, credit)
  rate_limited: 429, // too many requests from one client to a public page
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(translate("en", messageKey, params));
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(lang: "zh" | "en") {
    return {
      error: {
        code: this.code,
        reason: this.messageKey,
        message: translate(lang, this.messageKey, this.params),
        ...(this.field ? { field: this.field } : {}),
        ...(this.details ?? {}),
      },
    };
  }
}

export const invalid = (field: string, key: MessageKey, params: MessageParams = {}) => new AppError("invalid", key, { field, ...params }, field);

export const notFound = (key: MessageKey, params: MessageParams, field?: string) => new AppError("not_found", key, params, field);

export const refused = (key: MessageKey, params: MessageParams = {}, field?: string) => new AppError("business_rule", key, params, field);
