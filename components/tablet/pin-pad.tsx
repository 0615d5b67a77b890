"use client";

import { Delete } from "lucide-react";
import { useTranslations } from "next-intl";
import { forwardRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PIN_MAX_DIGITS } from "@/lib/auth/pin-rules";

/** A PIN field with a large on-screen keypad (touch targets ≥ 56 px); the field itself takes a hardware keyboard too. */
export const PinPad = forwardRef<HTMLInputElement, { id: string; label: string; value: string; onChange: (v: string) => void; disabled?: boolean; describedBy?: string }>(
  function PinPad({ id, label, value, onChange, disabled, describedBy }, ref) {
    const t = useTranslations("tablet.switch");
    const press = (d: string) => onChange((value + d).slice(0, PIN_MAX_DIGITS));
    return (
      <div className="space-y-3">
        <div className="space-y-2">
          <Label htmlFor={id}>{label}</Label>
          <Input
            ref={ref}
            id={id}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            pattern="[0-9]*"
            maxLength={PIN_MAX_DIGITS}
            value={value}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value.replace(/\D/g, "").slice(0, PIN_MAX_DIGITS))}
            className="text-center text-2xl tracking-[0.5em]"
          />
        </div>
        <div role="group" aria-label={t("keypad")} className="grid grid-cols-3 gap-2">
          {["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((d) => (
            <Button key={d} type="button" variant="secondary" size="lg" className="text-2xl" disabled={disabled} onClick={() => press(d)} tabIndex={-1}>
              {d}
            </Button>
          ))}
          <span aria-hidden />
          <Button type="button" variant="secondary" size="lg" className="text-2xl" disabled={disabled} onClick={() => press("0")} tabIndex={-1}>
            0
          </Button>
          <Button type="button" variant="ghost" size="lg" aria-label={t("erase")} disabled={disabled || !value} onClick={() => onChange(value.slice(0, -1))} tabIndex={-1}>
            <Delete aria-hidden className="h-6 w-6" />
          </Button>
        </div>
      </div>
    );
  },
);
