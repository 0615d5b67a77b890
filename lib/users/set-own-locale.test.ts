import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { toActionError } from "@/lib/action-result";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { setOwnLocale } from "./set-own-locale";

beforeAll(seedDemoOnce);

const localeOf = async (email: string) => (await getDb().select({ locale: users.locale }).from(users).where(eq(users.email, email)))[0]?.locale;

describe("setOwnLocale", () => {
  it("saves the language on the account, shows up on the actor, and is audited", async () => {
    const me = await actorFor(DEMO.olivia);
    expect(await setOwnLocale(me, { locale: "es" })).toEqual({ locale: "es" });
    expect(await localeOf(DEMO.olivia)).toBe("es");
    expect((await actorFor(DEMO.olivia)).locale).toBe("es");
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "user.locale_change")).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ actorId: me.id, entityId: me.id, detail: { locale: "es" } });
  });

  it("goes back to the browser's language with an empty choice", async () => {
    const me = await actorFor(DEMO.admin);
    await setOwnLocale(me, { locale: "es" });
    await setOwnLocale(me, { locale: "" });
    expect(await localeOf(DEMO.admin)).toBeNull();
  });

  it("refuses an unknown language with a translated message, not zod's text", async () => {
    const me = await actorFor(DEMO.ana);
    const err = await setOwnLocale(me, { locale: "fr" }).catch((e: unknown) => e);
    const es = toActionError(err, "setOwnLocale", "es");
    expect(es).toMatchObject({ code: "VALIDATION", message: "Algunos campos necesitan atención.", fieldErrors: { locale: ["Elija una de las opciones."] } });
    expect(toActionError(err, "setOwnLocale", "en").fieldErrors).toEqual({ locale: ["Choose one of the options."] });
    expect(await localeOf(DEMO.ana)).toBeNull();
  });
});
