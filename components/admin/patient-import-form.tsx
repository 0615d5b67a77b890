"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import { importPatientsSchema, type ImportPatientsInput } from "@/lib/fhir/schemas";
import type { ImportReport } from "@/lib/patients/import-patients";
import { useFormStatus } from "@/components/forms/use-form-status";
import { useTranslate, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { localizeText } from "@/lib/i18n/message-ref";

/** Read a FHIR file in the browser and send its text; show each row's result. */
export function PatientImportForm({ onSubmit }: { onSubmit: (input: ImportPatientsInput) => Promise<ActionResult<ImportReport>> }) {
  const [file, setFile] = useState<{ fileName: string; content: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [status, setStatus] = useFormStatus();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportReport | null>(null);
  const t = useTranslations("fhirForms");
  const tr = useTranslate();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setStatus(null);
    const parsed = importPatientsSchema.safeParse(file ?? { content: "" }, zodIntlParams);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message;
      return setFieldError(message ? localizeText(tr, message) : undefined);
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const res = await onSubmit(parsed.data);
      if (res.ok) {
        const c = res.data.counts;
        setResult(res.data);
        setStatus({ tone: c.refused ? "danger" : "success", text: `${t("counts", { created: c.created, updated: c.updated, unchanged: c.unchanged, refused: c.refused })}${c.refused ? ` ${t("refusedKept")}` : ""}` });
      } else setStatus({ tone: "danger", text: res.message });
    } catch {
      setStatus({ tone: "danger", text: t("offlineNotImported") });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-4">
      <ClientForm onSubmit={submit} className="space-y-4" aria-label={t("importForm")}>
        <div className="space-y-2">
          <Label htmlFor="import-file">{t("file")}</Label>
          <input
            id="import-file"
            type="file"
            accept=".json,.ndjson,application/fhir+json,application/json,application/x-ndjson"
            className="block min-h-11 w-full text-base"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby="import-file-error"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              setResult(null);
              setFile(f ? { fileName: f.name, content: await f.text() } : null);
            }}
          />
          <FieldError id="import-file-error" message={fieldError} />
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? t("importing") : t("import")}
        </Button>
      </ClientForm>
      <FormMessage status={status} />
      {result ? (
        <table className="w-full text-left" aria-label={t("results")}>
          <thead>
            <tr>
              <th scope="col">{t("row")}</th>
              <th scope="col">{t("mrn")}</th>
              <th scope="col">{t("result")}</th>
              <th scope="col">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.row} className="border-t border-border">
                <td>{r.row}</td>
                <td>{r.mrn ?? "–"}</td>
                <td>{t(r.result)}</td>
                <td>{r.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
