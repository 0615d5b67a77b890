"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/lib/utils";

export type SegmentOption<T extends string | number> = { value: T; label: ReactNode };

const cols = { 2: "grid-cols-2", 3: "grid-cols-3", 4: "grid-cols-2 sm:grid-cols-4", 5: "grid-cols-5", 6: "grid-cols-2 sm:grid-cols-3" } as const;

const segment =
  "relative flex min-h-14 cursor-pointer select-none items-center justify-center rounded-lg border-2 border-border bg-surface px-2 py-2 text-center text-base font-semibold text-foreground hover:bg-muted has-checked:border-primary has-checked:bg-primary has-checked:text-primary-foreground has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-ring";

// The native input covers its whole label (invisible), so a tap anywhere on the segment hits it.
const cover = "absolute inset-0 h-full w-full cursor-pointer appearance-none rounded-lg opacity-0";

/**
 * Large segmented buttons for one choice, built on native radio inputs so they are labelled,
 * keyboard-operable and announced as a radio group without extra ARIA.
 */
export function Segmented<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  columns = 3,
  invalid,
  describedBy,
  legendClassName,
}: {
  legend: ReactNode;
  options: SegmentOption<T>[];
  value: T | null | undefined;
  onChange: (value: T) => void;
  columns?: keyof typeof cols;
  invalid?: boolean;
  describedBy?: string;
  legendClassName?: string;
}) {
  const name = useId();
  return (
    <fieldset aria-invalid={invalid || undefined} aria-describedby={describedBy} className="min-w-0">
      <legend className={cn("mb-2 text-base font-semibold", legendClassName)}>{legend}</legend>
      <div className={cn("grid gap-2", cols[columns])}>
        {options.map((o) => (
          <label key={String(o.value)} className={segment}>
            <input type="radio" className={cover} name={name} value={String(o.value)} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Several independent choices as large toggle chips (native checkboxes). */
export function ChipChecks<T extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: ReactNode;
  options: SegmentOption<T>[];
  value: T[];
  onChange: (value: T[]) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-2 text-base font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => {
          const checked = value.includes(o.value);
          return (
            <label key={o.value} className={cn(segment, "min-h-12 rounded-full px-4")}>
              <input
                type="checkbox"
                className={cover}
                checked={checked}
                onChange={() => onChange(checked ? value.filter((v) => v !== o.value) : [...value, o.value])}
              />
              {o.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
