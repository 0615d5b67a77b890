import fs from "node:fs";
import { createSerwistRoute } from "@serwist/turbopack";
import { SHELL_URLS } from "@/lib/offline/shell-routes";

// The shells change with every build: their revision is the build's id (read when the worker is built).
const revision = fs.existsSync(".next/BUILD_ID") ? fs.readFileSync(".next/BUILD_ID", "utf8").trim() : crypto.randomUUID();

// Public: the worker and its precache list name static files only (no data, no session needed).
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  useNativeEsbuild: true,
  additionalPrecacheEntries: SHELL_URLS.map((url) => ({ url, revision })),
  // static assets only; never server output that could hold data
  globPatterns: [".next/static/**/*.{js,css,woff2}"],
  globDirectory: ".",
});
