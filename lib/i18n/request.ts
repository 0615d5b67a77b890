import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { PAGE_CATALOGS } from "./catalogs";
import { requestLocale } from "./server";

// next-intl's per-request configuration (wired in next.config.js). No locale in the URL: the account's
// language, else the browser's; dates and times in the clinic's zone.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const actor = await getActor();
  return { locale, messages: PAGE_CATALOGS[locale], timeZone: actor?.clinic.timeZone ?? "UTC" };
});
