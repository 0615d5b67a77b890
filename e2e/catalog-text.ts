import type { Page } from "@playwright/test";

/**
 * "No English left on a Spanish page" for any pair of catalogs: the literal text of every English message
 * that differs from its Spanish translation (arguments cut out, the branches of a plural or select kept as
 * text of their own), long enough to be words rather than symbols ("MRN", "—").
 */
type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** The literal parts of an ICU message: text between arguments, and the text of each plural/select branch. */
export function literalParts(message: string): string[] {
  const out: string[] = [];
  let i = 0;
  const text = (): void => {
    let buf = "";
    const flush = () => {
      out.push(buf);
      buf = "";
    };
    while (i < message.length && message[i] !== "}") {
      const c = message[i]!;
      if (c === "{") {
        flush();
        i++;
        argument();
      } else if (c === "#") {
        flush();
        i++;
      } else {
        buf += c;
        i++;
      }
    }
    flush();
  };
  const argument = (): void => {
    const head = /^\s*[\w]+\s*(,\s*(\w+)\s*)?/.exec(message.slice(i));
    i += head?.[0].length ?? 0;
    const type = head?.[2];
    if (type && /^(plural|select|selectordinal)$/.test(type)) {
      if (message[i] === ",") i++;
      while (i < message.length && message[i] !== "}") {
        const open = message.indexOf("{", i);
        if (open === -1) break;
        i = open + 1;
        text();
        i++; // the branch's "}"
        while (/\s/.test(message[i] ?? "")) i++;
      }
      i++;
      return;
    }
    let depth = 1;
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth++;
      else if (message[i] === "}") depth--;
      i++;
    }
  };
  while (i < message.length) {
    text();
    i++;
  }
  return out;
}

export function englishPhrases(pairs: [english: object, spanish: object][], exclude: string[] = []): string[] {
  const phrases = new Set<string>();
  for (const [en, es] of pairs) {
    const spanish = new Map(leaves(es as Tree));
    for (const [k, v] of leaves(en as Tree)) {
      if (spanish.get(k) === v) continue;
      for (const part of literalParts(v)) {
        const s = part.trim().replace(/^[·:,;.()–-]+|[·:,;()–-]+$/g, "").trim();
        if (s.length >= 6 && /[a-z]{3}/.test(s) && !exclude.includes(s)) phrases.add(s);
      }
    }
  }
  return [...phrases];
}

/** English phrases on the page: a phrase anywhere as whole words; a single word only as a whole line (a
 * label, a badge, a heading), so a name or a typed note is not mistaken for a one-word label. */
export async function englishLeftOn(page: Page, phrases: string[]): Promise<string[]> {
  const text = await page.locator("body").innerText();
  const lines = new Set(text.split("\n").map((l) => l.trim()));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return phrases.filter((s) => (/\s/.test(s) ? new RegExp(`(?<![\\p{L}])${escape(s)}(?![\\p{L}])`, "u").test(text) : lines.has(s)));
}
