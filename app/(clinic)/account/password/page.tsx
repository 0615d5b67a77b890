import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Alert } from "@/components/ui/alert";
import { HOME_BY_ROLE } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { setOwnPassword } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("passwordTitle") };
}

export default async function ChangePasswordPage() {
  const actor = await requireUser({ allowPasswordChange: true });
  const t = await getTranslations("account");
  return (
    <ClientMessages part="account">
      <div className="max-w-xl space-y-6">
        <h1 className="text-3xl font-bold">{t("passwordTitle")}</h1>
        {actor.mustChangePassword ? (
          <Alert tone="warning">{t("passwordDue")}</Alert>
        ) : null}
        <ChangePasswordForm onSubmit={setOwnPassword} home={HOME_BY_ROLE[actor.role]} />
      </div>
    </ClientMessages>
  );
}
