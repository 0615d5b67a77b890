import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, type ClientPart } from "@/lib/i18n/client-messages";

/** The client provider with only the namespaces `part` needs (lib/i18n/client-messages.ts); the locale,
 * time zone and formats come from the request config as before. */
export async function ClientMessages({ part, children }: { part: ClientPart; children: ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={pickMessages(messages, part)}>{children}</NextIntlClientProvider>;
}
