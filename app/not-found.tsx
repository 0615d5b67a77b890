import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFoundPage"))("title") };
}

export default async function NotFound() {
  const t = await getTranslations("notFoundPage");
  const common = await getTranslations("common");
  return (
    <main className="mx-auto max-w-lg px-5 py-16">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-lg text-muted-foreground">{t("body")}</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-primary px-5 font-semibold text-primary-foreground">
        {common("goHome")}
      </Link>
    </main>
  );
}
