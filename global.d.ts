import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/catalogs";

// next-intl checks message keys and locales against the English catalog at compile time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
