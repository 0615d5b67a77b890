import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { assistLevelEnum, attendanceEnum, concernKindEnum, delegationStatusEnum, goalStatusEnum, observationStatusEnum, roleEnum } from "@/db/schema";
import { TASK_TYPE_KEYS } from "@/lib/care/task-types";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { CATALOGS, TABLET_CATALOGS, TABLET_SHARED_NAMESPACES, tabletSharedMessages } from "./catalogs";
import { EQUIPMENT_STATUSES, ROOM_KINDS } from "@/lib/rooms/schemas";
import { DEFAULT_LOCALE, LOCALES } from "./locales";

/**
 * Catalog completeness (issue 13): every locale has exactly the English catalog's keys, each message uses the
 * same ICU arguments in every locale and formats, and no key is unused by the source.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

type Tree = { [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/**
 * The ICU argument names of a message, nested ones included ("{count, plural, one {# entry by {name}} other {…}}"),
 * with the type of formatted ones ("count:plural"). A small parser, not a pattern: the branches of a plural or
 * select are text, so "{what, select, cancelled {cancelled} other {missed}}" has one argument, and a branch
 * that starts with a word ("one {Le queda # intento}") is not mistaken for one.
 */
export function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const ws = () => {
    while (i < message.length && /\s/.test(message[i]!)) i++;
  };
  const word = () => {
    const m = /^[^\s{},]+/.exec(message.slice(i));
    i += m ? m[0].length : 0;
    return m?.[0] ?? "";
  };
  // text up to the "}" that closes it (or the end); each "{" in it opens an argument
  const text = () => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "'" && /['{}#|]/.test(message[i + 1] ?? "")) {
        const end = message.indexOf("'", i + 1);
        i = end === -1 ? message.length : end + 1;
      } else if (message[i] === "{") {
        i++;
        argument();
      } else i++;
    }
  };
  const argument = () => {
    ws();
    const name = word();
    ws();
    if (message[i] !== ",") {
      names.add(name);
      i++; // "}"
      return;
    }
    i++;
    ws();
    const type = word();
    names.add(/^(plural|select|selectordinal|number|date|time)$/.test(type) ? `${name}:${type}` : name);
    ws();
    if (/^(plural|select|selectordinal)$/.test(type)) {
      if (message[i] === ",") i++;
      for (ws(); i < message.length && message[i] !== "}"; ws()) {
        word(); // a selector: one, other, =0, offset:1, cancelled…
        ws();
        if (message[i] === "{") {
          i++;
          text();
          i++; // the branch's "}"
        }
      }
      i++; // the argument's "}"
    } else {
      // number/date/time with an optional style: skip to the closing "}"
      let depth = 1;
      while (i < message.length && depth > 0) {
        if (message[i] === "{") depth++;
        else if (message[i] === "}") depth--;
        i++;
      }
    }
  };
  while (i < message.length) {
    text();
    i++; // a stray "}" in plain text
  }
  return [...names].sort();
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : walk(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Namespaces that label a value list: their keys must be exactly the list's values (none missing, none extra). */
const ENUM_NAMESPACES: Record<string, readonly string[]> = {
  taskTypes: TASK_TYPE_KEYS,
  concernKinds: concernKindEnum.enumValues,
  attendance: attendanceEnum.enumValues,
  goalStatus: goalStatusEnum.enumValues,
  delegationStatus: delegationStatusEnum.enumValues,
  entryStatus: observationStatusEnum.enumValues,
  assistLevels: assistLevelEnum.enumValues,
  roles: roleEnum.enumValues,
  roomKinds: ROOM_KINDS,
  equipmentStatus: EQUIPMENT_STATUSES,
};

const catalogs = Object.fromEntries(LOCALES.map((l) => [l, leaves(CATALOGS[l] as unknown as Tree)]));
const english = catalogs[DEFAULT_LOCALE]!;

describe("message catalogs", () => {
  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))("%s has exactly the English keys", (locale) => {
    const keys = catalogs[locale]!;
    expect([...english.keys()].filter((k) => !keys.has(k)), "missing").toEqual([]);
    expect([...keys.keys()].filter((k) => !english.has(k)), "not in English").toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))("%s uses the same ICU arguments as English in every message", (locale) => {
    const differ = [...english].filter(([k, en]) => catalogs[locale]!.has(k) && icuArguments(en).join() !== icuArguments(catalogs[locale]!.get(k)!).join());
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it.each([...LOCALES])("every %s message formats with its arguments", (locale) => {
    const broken: string[] = [];
    let current = "";
    const t = createTranslator({ locale, messages: CATALOGS[locale], onError: () => broken.push(current) }) as unknown as (
      k: string,
      v: Record<string, string | number>,
    ) => string;
    for (const [key, msg] of catalogs[locale]!) {
      current = key;
      t(key, Object.fromEntries(icuArguments(msg).map((a) => [a.split(":")[0]!, a.includes(":") ? 2 : "x"])));
    }
    expect(broken).toEqual([]);
  });

  it("reads ICU arguments, nested ones included, and not the text of a branch", () => {
    expect(icuArguments("{count, plural, one {# entry by {name}} other {# entries}}")).toEqual(["count:plural", "name"]);
    expect(icuArguments("Hello {name}")).not.toEqual(icuArguments("Hola {nombre}"));
    expect(icuArguments("No entry for a {what, select, cancelled {cancelled} other {missed}} session.")).toEqual(["what:select"]);
    expect(icuArguments("{left, plural, one {Le queda # intento} other {Le quedan # intentos}}")).toEqual(["left:plural"]);
    expect(icuArguments("At {at, time, short} for {n, number}, '{'literal'}' {who}")).toEqual(["at:time", "n:number", "who"]);
    expect(icuArguments("{n, plural, offset:1 =0 {nobody} one {{who}} other {{who} and # more}}")).toEqual(["n:plural", "who"]);
    expect(icuArguments("{count, plural, one {Se canceló # cita} other {Se cancelaron # citas}}; {when}")).toEqual(["count:plural", "when"]);
    expect(icuArguments("{kind, select, restock {Restock} other {Use}} recorded. {n, number} {unit}")).toEqual(["kind:select", "n:number", "unit"]);
  });

  it.each(Object.keys(ENUM_NAMESPACES))("labels every value of %s, and nothing else", (ns) => {
    const keys = [...english.keys()].filter((k) => k.startsWith(`${ns}.`)).map((k) => k.slice(ns.length + 1));
    expect(keys.sort()).toEqual([...ENUM_NAMESPACES[ns]!].sort());
  });

  it("has no unused keys", () => {
    const source = ["app", "components", "lib"].flatMap((d) => walk(path.join(ROOT, d))).map((f) => fs.readFileSync(f, "utf8")).join("\n");
    const namespaces = new Set([...source.matchAll(/(?:useTranslations|getTranslations)\(\s*["'`]([\w.]+)["'`]/g)].map((m) => m[1]!));
    const quoted = (s: string) => source.includes(`"${s}"`) || source.includes(`'${s}'`) || source.includes(`\`${s}\``) || source.includes(`${s}|`);
    const unused = [...english.keys()].filter((key) => {
      if (Object.hasOwn(ENUM_NAMESPACES, key.split(".")[0]!)) return false;
      if (quoted(key) || source.includes(`"${key}|`)) return false;
      const parts = key.split(".");
      for (let i = 1; i < parts.length; i++) {
        const ns = parts.slice(0, i).join(".");
        const rest = parts.slice(i);
        if (!namespaces.has(ns)) continue;
        if (quoted(rest.join("."))) return false;
        // dynamic keys: t(`status.${s}`) uses every key under "status."
        for (let j = 1; j < rest.length; j++) if (source.includes(`\`${rest.slice(0, j).join(".")}.\${`)) return false;
      }
      // keys built from a prefix outside a translator call: `errors.notFound.${key}`
      for (let j = 1; j < parts.length; j++) if (source.includes(`\`${parts.slice(0, j).join(".")}.\${`)) return false;
      return true;
    });
    expect(unused).toEqual([]);
  });
});

/**
 * The tablet's namespace (issue 13 on the static tablet pages): its own files, messages/tablet/<locale>.json,
 * part of every check above through CATALOGS (missing and unused keys, ICU arguments, formatting), and the only
 * catalog text that client code bundles, so the tablet's JS does not carry whole catalogs.
 */
describe("the tablet's catalogs", () => {
  it.each([...LOCALES])("messages/tablet/%s.json is the `tablet` namespace, and the main catalog has none", (locale) => {
    expect(CATALOGS[locale].tablet).toBe(TABLET_CATALOGS[locale]);
    expect(Object.hasOwn({ en, es }[locale], "tablet")).toBe(false);
  });

  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))("messages/tablet/%s.json has exactly the English tablet keys and arguments", (locale) => {
    const mine = leaves(TABLET_CATALOGS[locale] as unknown as Tree);
    const english = leaves(TABLET_CATALOGS[DEFAULT_LOCALE] as unknown as Tree);
    expect([...english.keys()].filter((k) => !mine.has(k)), "missing").toEqual([]);
    expect([...mine.keys()].filter((k) => !english.has(k)), "not in English").toEqual([]);
    expect([...english].filter(([k, v]) => mine.has(k) && icuArguments(v).join() !== icuArguments(mine.get(k)!).join()).map(([k]) => k), "ICU arguments differ").toEqual([]);
  });

  it("the shared namespaces the tablet gets exist in every locale", () => {
    const shared = tabletSharedMessages();
    for (const locale of LOCALES) expect(Object.keys(shared[locale]).sort()).toEqual([...TABLET_SHARED_NAMESPACES].sort());
  });

  it("no client component imports a whole catalog (only messages/tablet/*.json)", () => {
    const whole = /^import\s+(?!type\b)[^;]*from\s+["'](@\/messages\/(en|es)\.json|@\/lib\/i18n\/(catalogs|translate|english|server|request))["']/m;
    const offenders = ["app", "components"]
      .flatMap((d) => walk(path.join(ROOT, d)))
      .filter((f) => {
        const text = fs.readFileSync(f, "utf8");
        return /^["']use client["']/m.test(text) && whole.test(text);
      })
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
