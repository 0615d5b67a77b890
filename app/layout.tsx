import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import "./globals.css";

const inter = localFont({ src: "./fonts/inter-latin-wght.woff2", variable: "--font-inter", display: "swap", weight: "100 900" });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("appName"), template: `%s · ${t("appName")}` },
    description: t("description"),
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6e72" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-dvh antialiased">
        <noscript>
          <p className="border-b border-border bg-info-soft px-5 py-3 text-center text-base">{t("noscript")}</p>
        </noscript>
        {/* the locale and only the namespaces app/error.tsx needs; each part adds its own (lib/i18n/client-messages.ts) */}
        <ClientMessages part="root">{children}</ClientMessages>
      </body>
    </html>
  );
}
