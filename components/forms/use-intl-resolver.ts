"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { localizeText, type Translate } from "@/lib/i18n/message-ref";
import { issueMessage } from "@/lib/i18n/zod-issues";

/** Per-parse zod options for zodResolver: zod's own messages become catalog keys (as on the server). */
export const zodIntlParams = { error: issueMessage as z.core.$ZodErrorMap };

/** The catalog as a string-keyed translator, for keys that arrive as data (zod issues, server answers). */
export function useTranslate(): Translate {
  const t = useTranslations() as unknown as { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key, values), { has: (key: string) => t.has(key) });
}

function localizeErrors(t: Translate, errors: Record<string, unknown>): void {
  for (const value of Object.values(errors)) {
    if (!value || typeof value !== "object") continue;
    const e = value as { message?: unknown; ref?: unknown };
    if (typeof e.message === "string") e.message = localizeText(t, e.message);
    for (const [k, v] of Object.entries(value)) if (k !== "ref" && v && typeof v === "object") localizeErrors(t, { [k]: v });
  }
}

/** Wraps a form's resolver so its error messages (catalog keys) read in the user's language. */
export function useIntlResolver<F extends FieldValues, C, T>(resolver: Resolver<F, C, T>): Resolver<F, C, T> {
  const t = useTranslate();
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    if (result.errors && Object.keys(result.errors).length) localizeErrors(t, result.errors as FieldErrors as Record<string, unknown>);
    return result;
  };
}
