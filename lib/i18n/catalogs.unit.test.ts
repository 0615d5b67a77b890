import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { assistLevelEnum, attendanceEnum, concernKindEnum, delegationStatusEnum, goalStatusEnum, observationStatusEnum, roleEnum } from "@/db/schema";
import { TASK_TYPE_KEYS } from "@/lib/care/task-types";
import { EQUIPMENT_STATUSES, ROOM_KINDS } from "@/lib/rooms/schemas";
import { CATALOGS } from "./catalogs";
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

/** The ICU argument names of a message, nested ones included ("{count, plural, one {# entry} other {…}}"):
 * a small scanner, so the text of a plural/select branch ("{Se canceló # cita}") is text, not an argument. */
export function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  // text until the closing brace of a branch (or the end); arguments inside are read as they come
  const text = (): void => {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  };
  const argument = (): void => {
    const close = /[,}]/g;
    close.lastIndex = i + 1;
    const at = close.exec(message)?.index ?? message.length;
    const name = message.slice(i + 1, at).trim();
    i = at;
    let type = "";
    if (message[i] === ",") {
      const m = /^,\s*(\w+)\s*/.exec(message.slice(i));
      type = m?.[1] ?? "";
      i += m?.[0].length ?? 1;
    }
    if (type === "plural" || type === "select" || type === "selectordinal") {
      if (message[i] === ",") i++;
      // options: selector {branch} … up to the argument's closing brace
      while (i < message.length && message[i] !== "}") {
        if (message[i] === "{") {
          i++;
          text();
          i++; // the branch's "}"
        } else i++;
      }
    } else while (i < message.length && message[i] !== "}") i++; // a number/date/time style
    i++; // the argument's "}"
    if (name) names.add(`${name}${["plural", "select", "selectordinal", "number", "date", "time"].includes(type) ? `:${type}` : ""}`);
  };
  while (i < message.length) {
    if (message[i] === "{") argument();
    else i++;
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

  it("reads ICU arguments, nested ones included", () => {
    expect(icuArguments("{count, plural, one {# entry by {name}} other {# entries}}")).toEqual(["count:plural", "name"]);
    expect(icuArguments("Hello {name}")).not.toEqual(icuArguments("Hola {nombre}"));
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
