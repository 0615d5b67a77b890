import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { HOME_BY_ROLE } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { firstParam, type SearchParams } from "@/lib/validation";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

const REASONS = { "signed-out": "reasonSignedOut", expired: "reasonExpired" } as const;

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-/[\]?=&%.]*$/.test(next) ? next : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const actor = await getActor();
  if (actor) redirect(HOME_BY_ROLE[actor.role]);
  const t = await getTranslations("auth");
  const common = await getTranslations("common");
  const key = firstParam(params.reason);
  const reasonKey = key && Object.hasOwn(REASONS, key) ? REASONS[key as keyof typeof REASONS] : undefined;
  const reason = reasonKey ? t(reasonKey) : undefined;
  return (
    <ClientMessages part="login">
      <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
        <div className="mb-8">
          <p className="text-3xl font-bold text-primary">{common("appName")}</p>
          <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-muted-foreground">{t("intro")}</p>
        </div>
        {reason ? (
          <Alert tone="info" className="mb-4">
            {reason}
          </Alert>
        ) : null}
        <LoginForm next={safeNext(firstParam(params.next))} />
      </main>
    </ClientMessages>
  );
}
