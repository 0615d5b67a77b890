/**
 * The assistant's pages that open without a network: each URL pattern maps to the one static shell
 * (no patient data in it) the service worker precaches for it. Shared by the worker, proxy.ts (which
 * rewrites every /sessions/<id> and /prep/<id> to its one shell and gives shells their hash-based CSP) and
 * the e2e specs. Plain data: safe in the worker, the proxy and the browser.
 */
export const SHELLS = [
  { pattern: /^\/today\/?$/, shell: "/today" },
  { pattern: /^\/sessions\/[^/]+\/?$/, shell: "/sessions/shell" },
  // the assistant's room prep: today's rooms, and one shell for every room's checklist (/prep/<room id>)
  { pattern: /^\/prep\/?$/, shell: "/prep" },
  { pattern: /^\/prep\/[^/]+\/?$/, shell: "/prep/shell" },
  { pattern: /^\/supplies\/use\/?$/, shell: "/supplies/use" },
  { pattern: /^\/reports\/write\/?$/, shell: "/reports/write" },
] as const;

/** Shown for any other page opened offline. */
export const OFFLINE_PAGE = "/~offline";

export function shellFor(pathname: string): string | null {
  for (const s of SHELLS) if (s.pattern.test(pathname)) return s.shell;
  return null;
}

/** The shells' own URLs (what the build prerenders and the worker precaches). */
export const SHELL_URLS: string[] = [...SHELLS.map((s) => s.shell), OFFLINE_PAGE];

/** Bump when the device store's schema changes; db.ts migrates, never drops the outbox. */
export const SW_URL = "/serwist/sw.js";
