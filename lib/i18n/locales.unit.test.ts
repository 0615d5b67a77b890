import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locales";
import { decodeMessage, encodeMessage, localizeText, type Translate } from "./message-ref";
import { issueMessage } from "./zod-issues";
import { z } from "zod";

describe("negotiateLocale", () => {
  it("takes the best supported language of Accept-Language", () => {
    expect(negotiateLocale("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4")).toBe("es");
    expect(negotiateLocale("en-US,es;q=0.9")).toBe("en");
    expect(negotiateLocale("es;q=0.2, en;q=0.8")).toBe("en");
    expect(negotiateLocale("de, fr")).toBe("en");
    expect(negotiateLocale("es;q=0")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(";;;,q=,")).toBe("en");
  });
  it("prefers the account's language over the browser's", () => {
    expect(resolveLocale("es", "en-US")).toBe("es");
    expect(resolveLocale(null, "es-ES")).toBe("es");
    expect(resolveLocale("xx", "es-ES")).toBe("es");
  });
});

describe("message keys", () => {
  const t = Object.assign((k: string, v?: Record<string, string | number>) => `${k}:${JSON.stringify(v ?? {})}`, {
    has: (k: string) => k.startsWith("validation."),
  }) as Translate;
  it("round-trips keys with arguments and leaves plain text alone", () => {
    expect(decodeMessage(encodeMessage("validation.tooShort", { minimum: 8 }))).toEqual({ key: "validation.tooShort", values: { minimum: 8 } });
    expect(localizeText(t, "validation.tooShort|{\"minimum\":8}")).toBe('validation.tooShort:{"minimum":8}');
    expect(localizeText(t, "Enter a name.")).toBe("Enter a name.");
    expect(localizeText(t, "other.key")).toBe("other.key");
    expect(decodeMessage("validation.x|not json")).toBeNull();
  });
  it("maps zod's own issues to keys, never library text", () => {
    const schema = z.object({ name: z.string().min(3), n: z.number().max(5), email: z.string().email(), kind: z.enum(["a", "b"]) });
    const r = schema.safeParse({ name: "ab", n: 9, email: "x", kind: "c" }, { error: issueMessage as z.core.$ZodErrorMap });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual([
      'validation.tooShort|{"minimum":3}',
      'validation.tooBig|{"maximum":5}',
      "validation.email",
      "validation.option",
    ]);
    const missing = z.object({ name: z.string() }).safeParse({}, { error: issueMessage as z.core.$ZodErrorMap });
    expect(missing.error!.issues[0]!.message).toBe("validation.required");
  });
});
