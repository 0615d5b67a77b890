import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { HandoutForm } from "@/components/handouts/handout-forms";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { createHandoutAction } from "../actions";
import { handoutFormLabels } from "../form-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handouts"))("newTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewHandoutPage() {
  await requirePermission("handout:write", "/handouts/new");
  const [t, labels] = await Promise.all([getTranslations("handouts"), handoutFormLabels("create")]);
  return (
    <ClientMessages part="handouts">
      <div className="space-y-6">
        <div>
          <Link href="/handouts" className="inline-flex min-h-11 items-center underline">
            {t("backToList")}
          </Link>
          <h1 className="mt-2 text-3xl font-bold">{t("newTitle")}</h1>
          <p className="text-lg text-muted-foreground">{t("newIntro")}</p>
        </div>
        <Card className="max-w-3xl">
          <HandoutForm labels={labels} onSubmit={createHandoutAction} afterSave="open" />
        </Card>
      </div>
    </ClientMessages>
  );
}
