"use client";

import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { zodIntlParams } from "./use-intl-resolver";

/**
 * zodResolver with the schema (and zod, and the resolver) loaded on the form's first validation instead of
 * with the page: a form is validated on submit, so its first paint does not wait for zod's ~45 kB (gzip).
 * The chunks are static, precached by the tablet's service worker like every other, so this works offline.
 * Same messages as zodResolver(schema, zodIntlParams): wrap it in useIntlResolver as before.
 */
export function lazyZodResolver<F extends FieldValues, C, T>(load: () => Promise<z.ZodType>): Resolver<F, C, T> {
  let ready: Promise<Resolver<F, C, T>> | null = null;
  return async (values, context, options) => {
    ready ??= Promise.all([import("@hookform/resolvers/zod"), load()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema as never, zodIntlParams) as unknown as Resolver<F, C, T>,
    );
    return (await ready)(values, context, options);
  };
}
