import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageForm } from "@/components/account/language-form";
import { requirePermission } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locales";
import { saveOwnLocale } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const actor = await requirePermission("account:preferences", "/account");
  const t = await getTranslations("account");
  return (
    <ClientMessages part="account">
      <div className="max-w-xl space-y-8">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-1 text-muted-foreground">{t("signedInAs", { name: actor.name, email: actor.email })}</p>
        </div>
        <section aria-labelledby="language-heading" className="space-y-3">
          <h2 id="language-heading" className="text-xl font-semibold">
            {t("languageHeading")}
          </h2>
          <p className="text-muted-foreground">{t("languageHelp")}</p>
          <LanguageForm current={isLocale(actor.locale) ? actor.locale : ""} onSubmit={saveOwnLocale} />
        </section>
        <section aria-labelledby="password-heading" className="space-y-3">
          <h2 id="password-heading" className="text-xl font-semibold">
            {t("passwordHeading")}
          </h2>
          <Link href="/account/password" className="inline-flex min-h-11 items-center font-semibold text-primary underline underline-offset-4">
            {t("passwordLink")}
          </Link>
        </section>
      </div>
    </ClientMessages>
  );
}
