"use client";

import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function PrintButton() {
  const t = useTranslations("reports");
  return (
    <Button type="button" onClick={() => window.print()}>
      <Printer aria-hidden className="h-5 w-5" /> {t("print")}
    </Button>
  );
}
