"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import type { SetOwnLocaleInput } from "@/lib/users/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

/** The account's language picker. After saving, the page re-renders in the chosen language. */
export function LanguageForm({
  current,
  onSubmit,
}: {
  current: Locale | "";
  onSubmit: (input: SetOwnLocaleInput) => Promise<ActionResult<{ locale: string | null }>>;
}) {
  const t = useTranslations("account");
  const errors = useTranslations("errors");
  const [value, setValue] = useState<string>(current);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useFormStatus();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const res = await onSubmit({ locale: value as SetOwnLocaleInput["locale"] });
      if (res.ok) {
        // the action's response re-renders the page from the root, in the new language
        setStatus({ tone: "success", text: "saved" });
      } else setStatus({ tone: "danger", text: res.fieldErrors?.locale?.[0] ?? res.message });
    } catch {
      setStatus({ tone: "danger", text: errors("offline") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-labelledby="language-heading">
      <div className="space-y-2">
        <Label htmlFor="locale">{t("languageLabel")}</Label>
        <Select id="locale" name="locale" value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">{t("languageBrowser")}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </Select>
      </div>
      {/* "saved" is rendered with the current catalog, so after the re-render it reads in the new language */}
      <FormMessage status={status && status.text === "saved" ? { tone: "success", text: t("languageSaved") } : status} />
      <Button type="submit" disabled={busy}>
        {busy ? t("saving") : t("save")}
      </Button>
    </ClientForm>
  );
}
