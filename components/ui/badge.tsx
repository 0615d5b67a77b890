import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const badgeVariants = cva("inline-flex items-center gap-1 rounded-full px-3 py-1 text-sm font-semibold", {
  variants: {
    tone: {
      neutral: "bg-muted text-foreground",
      danger: "bg-danger-soft text-danger",
      warning: "bg-warning-soft text-warning",
      success: "bg-success-soft text-success",
      info: "bg-info-soft text-[#114a84]",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export function Badge({ className, tone, ...props }: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
