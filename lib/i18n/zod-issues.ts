import type { z } from "zod";
import { encodeMessage } from "./message-ref";

/**
 * zod's own messages ("Invalid input: expected string, received undefined") as catalog keys, so no library
 * text reaches a user in any language. Schema-level messages (themselves keys) take precedence over this map.
 * Used as the global zod error map on the server (lib/i18n/zod-config.ts) and per parse in the browser
 * (components/forms/use-intl-resolver.ts). Client-safe.
 */
type Issue = z.core.$ZodRawIssue;

const bound = (v: unknown): number | string => (typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : Number(v));

export function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return encodeMessage(issue.input === undefined || issue.input === null || issue.input === "" ? "validation.required" : "validation.invalidType");
    case "too_small": {
      const min = bound(issue.minimum);
      if (issue.origin === "string") return min === 1 ? encodeMessage("validation.required") : encodeMessage("validation.tooShort", { minimum: min });
      if (issue.origin === "array" || issue.origin === "set") return encodeMessage("validation.tooFew", { minimum: min });
      if (issue.origin === "date") return encodeMessage("validation.dateTooEarly", { minimum: min });
      return encodeMessage("validation.tooSmall", { minimum: min });
    }
    case "too_big": {
      const max = bound(issue.maximum);
      if (issue.origin === "string") return encodeMessage("validation.tooLong", { maximum: max });
      if (issue.origin === "array" || issue.origin === "set") return encodeMessage("validation.tooMany", { maximum: max });
      if (issue.origin === "date") return encodeMessage("validation.dateTooLate", { maximum: max });
      return encodeMessage("validation.tooBig", { maximum: max });
    }
    case "invalid_format":
      if (issue.format === "email") return encodeMessage("validation.email");
      if (issue.format === "date") return encodeMessage("validation.date");
      if (issue.format === "time") return encodeMessage("validation.time");
      return encodeMessage("validation.format");
    case "invalid_value":
    case "invalid_union":
      return encodeMessage("validation.option");
    case "not_multiple_of":
      return encodeMessage("validation.wholeNumber");
    case "unrecognized_keys":
      return encodeMessage("validation.unexpectedField");
    default:
      return encodeMessage("validation.invalid");
  }
}
