import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A native select at tablet size: the platform picker is the most usable one on a touch screen. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "block min-h-12 w-full rounded-lg border border-border bg-surface px-3 text-base text-foreground aria-[invalid=true]:border-danger",
        className,
      )}
      {...props}
    />
  );
}
