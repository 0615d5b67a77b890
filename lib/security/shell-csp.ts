import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The static shells (lib/offline/shell-routes.ts) are prerendered at build time, so they cannot carry
 * a per-request nonce. Their inline scripts are fixed per build: this reads the prerendered HTML once
 * and answers the sha256 sources of every inline script in it, for a `script-src` without
 * 'unsafe-inline'. Null when the build output is not there (next dev renders per request, with a nonce).
 */
let cached: { dir: string; hashes: string[] | null } | null = null;

export function inlineScriptHashes(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const body = m[1] ?? "";
    if (!body) continue;
    out.add(`'sha256-${crypto.createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...out].sort();
}

export function shellScriptHashes(shellUrls: string[], distDir = ".next"): string[] | null {
  if (cached && cached.dir === distDir) return cached.hashes;
  const all = new Set<string>();
  let found = false;
  for (const url of shellUrls) {
    const file = path.join(distDir, "server", "app", `${url === "/" ? "index" : url.slice(1)}.html`);
    if (!fs.existsSync(file)) continue;
    found = true;
    for (const h of inlineScriptHashes(fs.readFileSync(file, "utf8"))) all.add(h);
  }
  cached = { dir: distDir, hashes: found ? [...all].sort() : null };
  return cached.hashes;
}
