import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const tones = {
  danger: "border-danger bg-danger-soft text-danger",
  info: "border-[#8bb8e8] bg-info-soft text-foreground",
  success: "border-success bg-success-soft text-success",
  warning: "border-warning bg-warning-soft text-warning",
} as const;

/** A message block. Errors use role="alert" so screen readers announce them when they appear. */
export function Alert({ tone = "info", className, ...props }: ComponentProps<"div"> & { tone?: keyof typeof tones }) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("rounded-lg border-l-4 px-4 py-3 text-base", tones[tone], className)}
      {...props}
    />
  );
}
