import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/admin/action-button";
import { Badge } from "@/components/ui/badge";
import type { EnrolmentRow } from "@/lib/auth/enrolment-queries";
import type { ActionResult } from "@/lib/action-result";
import type { RevokeEnrolmentInput } from "@/lib/auth/enrolment-schemas";
import { formatClinicDateTime } from "@/lib/time";

const TONE = { active: "success", disabled: "danger", expired: "warning" } as const;

/** Tablet PIN enrolments with a Revoke button each: on a person's page (by device) and on the devices page (by person). */
export async function EnrolmentList({
  rows,
  timeZone,
  show,
  revoke,
}: {
  rows: EnrolmentRow[];
  timeZone: string;
  /** what names each row: the device (a person's page) or the person (a device's list) */
  show: "device" | "person";
  revoke: (input: RevokeEnrolmentInput) => Promise<ActionResult<unknown>>;
}) {
  const [t, locale] = await Promise.all([getTranslations("enrolments"), getLocale()]);
  if (rows.length === 0) return <p className="text-muted-foreground">{t("none")}</p>;
  const at = (d: Date) => formatClinicDateTime(d, timeZone, locale);
  return (
    <ul className="divide-y divide-border">
      {rows.map((r) => {
        const title = show === "device" ? t("deviceName", { label: r.deviceLabel, id: r.deviceId.slice(0, 8) }) : r.userName;
        return (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3" aria-label={title}>
            <div className="space-y-1">
              <p className="font-semibold">
                {title} <Badge tone={TONE[r.state]}>{t(`state.${r.state}`)}</Badge>
              </p>
              <p className="text-muted-foreground">
                {t("dates", { enrolled: at(r.createdAt), lastUsed: r.lastUsedAt ? at(r.lastUsedAt) : t("never"), expires: at(r.expiresAt) })}
              </p>
              {r.failedAttempts > 0 ? <p className="text-muted-foreground">{t("wrongPins", { count: r.failedAttempts })}</p> : null}
            </div>
            <ActionButton action={revoke} input={{ enrolmentId: r.id }} variant="danger" confirm={t("revokeConfirm", { name: r.userName })} done={t("revoked")}>
              {t("revoke", { name: r.userName })}
            </ActionButton>
          </li>
        );
      })}
    </ul>
  );
}
