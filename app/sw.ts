/// <reference lib="webworker" />
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist } from "serwist";
import { OFFLINE_PAGE, shellFor } from "@/lib/offline/shell-routes";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/**
 * The tablet's service worker. It caches only what holds no patient data: the build's static assets
 * and the assistant pages' static shells (precached), plus fonts. Pages are never cached from the
 * network (they may show patient data); API answers never (the working set is kept encrypted in
 * IndexedDB by the page). A navigation to a tablet page is answered network first, and from its
 * precached shell when the network fails; any other page falls back to the offline page.
 * A new version replaces the caches but never touches IndexedDB, so the outbox survives updates.
 */
const serwist: Serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true, ignoreURLParametersMatching: [/.*/] },
  // The page tells a waiting worker to take over (after the outbox is safe in IndexedDB, which it always is).
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && shellFor(url.pathname) !== null,
      handler: {
        handle: async ({ request, url }): Promise<Response> => {
          try {
            return await fetch(request);
          } catch {
            const shell: Response | undefined = await serwist.matchPrecache(shellFor(url.pathname)!);
            return shell ?? Response.error();
          }
        },
      },
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && /\.(?:woff2?)$/.test(url.pathname),
      handler: new CacheFirst({ cacheName: "fonts", plugins: [new ExpirationPlugin({ maxEntries: 8 })] }),
    },
    // Other navigations go to the network (the offline page when it fails, below). Everything else (server
    // actions, RSC payloads, API calls) is not handled here at all: the browser sends it as the page made it,
    // with the page's own headers (Accept-Language included), and nothing is cached.
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly() },
  ],
  fallbacks: {
    entries: [{ url: OFFLINE_PAGE, matcher: ({ request }) => request.destination === "document" }],
  },
});

self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

serwist.addEventListeners();
