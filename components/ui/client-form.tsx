"use client";

import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";
import { useHydrated } from "./use-hydrated";

// Utilities that style a form's children through a child selector (space-y-4, divide-y, md:space-x-2):
// they are repeated on the fieldset, since the fields are its children, not the form's.
const CHILD_UTILITY = /(^|:)(space-[xy]-|divide-)/;

/**
 * A form handled by JavaScript (onSubmit). Until the page has hydrated, its controls sit in a disabled
 * fieldset: nothing can be typed, tapped or submitted with Enter, so an early submit never becomes a
 * native GET that puts passwords or patient notes into the URL. method="post" is a second guard.
 * The fieldset is always rendered (only `disabled` toggles, so inputs are not remounted) and has
 * display: contents, so the form's className lays out the fields as before.
 */
export function ClientForm({ className, children, ...props }: Omit<ComponentProps<"form">, "method" | "noValidate">) {
  const hydrated = useHydrated();
  const childUtilities = className?.split(/\s+/).filter((c) => CHILD_UTILITY.test(c));
  return (
    <form {...props} method="post" noValidate aria-busy={hydrated ? undefined : true} className={className}>
      <fieldset disabled={!hydrated} className={cn("contents min-w-0", childUtilities)}>
        {children}
      </fieldset>
    </form>
  );
}
