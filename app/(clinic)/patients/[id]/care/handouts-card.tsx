import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/admin/action-button";
import { LinkHandoutForm } from "@/components/handouts/handout-forms";
import { Card, CardTitle } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import type { CarePlan } from "@/lib/care/queries";
import { textFor } from "@/lib/handouts/labels";
import { listHandouts, patientHandoutLinks } from "@/lib/handouts/queries";
import { linkHandoutAction, unlinkHandoutAction } from "../../../handouts/actions";

/** The care page's handouts: which are linked to this patient's goals and delegations, link one, unlink. */
export async function HandoutsCard({ actor, plan }: { actor: Actor; plan: CarePlan }) {
  const [links, library, t, tasks, locale] = await Promise.all([
    patientHandoutLinks(actor, plan.patient.id),
    listHandouts(actor),
    getTranslations("handouts.care"),
    getTranslations("taskTypes"),
    getLocale(),
  ]);
  const taskLabel = (k: string | null) => (k && tasks.has(k as never) ? tasks(k as never) : (k ?? ""));
  const targets = [
    ...plan.goals.filter((g) => g.status === "active").map((g) => ({ value: `goal:${g.id}`, label: t("goalOption", { goal: g.description }) })),
    ...plan.delegations
      .filter((d) => d.status === "active")
      .map((d) => ({ value: `delegation:${d.id}`, label: t("delegationOption", { task: taskLabel(d.taskType), assistant: d.assistantName }) })),
  ];
  return (
    <Card aria-labelledby="handouts-h">
      <CardTitle id="handouts-h">{t("title")}</CardTitle>
      {links.length ? (
        <ul className="mt-3 space-y-4">
          {links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-start justify-between gap-3 border-b border-border pb-3">
              <div>
                <Link href={`/handouts/${l.handoutId}`} className="inline-flex min-h-11 items-center font-semibold underline">
                  {textFor(l.content, locale).title}
                </Link>
                <p className="text-muted-foreground">
                  {l.goalId ? t("linkedToGoal", { goal: l.goalDescription ?? "" }) : t("linkedToDelegation", { task: taskLabel(l.taskType) })}
                </p>
              </div>
              <ActionButton action={unlinkHandoutAction} input={{ linkId: l.id }} done={t("unlinked")}>
                {t("unlink", { title: textFor(l.content, locale).title })}
              </ActionButton>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-muted-foreground">{t("none")}</p>
      )}
      <h3 className="mt-4 text-lg font-semibold">{t("link")}</h3>
      {library.length && targets.length ? (
        <LinkHandoutForm
          patientId={plan.patient.id}
          handouts={library.map((h) => ({ value: h.id, label: textFor(h.content, locale).title }))}
          targets={targets}
          labels={{ form: t("linkLabel"), handout: t("handout"), target: t("target"), submit: t("linkSubmit"), success: t("linked") }}
          onSubmit={linkHandoutAction}
        />
      ) : (
        <p className="text-muted-foreground">{library.length ? t("noTargets") : t("noHandouts")}</p>
      )}
    </Card>
  );
}
