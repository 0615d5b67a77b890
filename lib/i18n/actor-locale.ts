import "server-only";
import { headers } from "next/headers";
import { resolveLocale, type Locale } from "./locales";

// Its own module (not lib/i18n/server.ts, which reads the session): lib/ verbs import it, and so do callers
// outside Next such as the bench floor, which cannot load the session's next/navigation.
/** The same answer as requestLocale for a verb's actor, without the database (safe inside a transaction):
 * the account's language, else the request's Accept-Language, else English (no request: scripts, tests).
 * For text a verb composes from data, such as a conflict's times, before the edge translates the key. */
export async function actorLocale(actor: { locale: string | null }): Promise<Locale> {
  let accept: string | null = null;
  try {
    accept = (await headers()).get("accept-language");
  } catch {
    // no request
  }
  return resolveLocale(actor.locale, accept);
}

