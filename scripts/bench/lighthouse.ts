/**
 * P5: Lighthouse 13 with its mobile preset (simulated slow 4G and, by default, a 4× slower CPU) at an
 * 820×1180 tablet viewport on a signed-in page, driving Debian's Chromium. Options: the CPU slowdown (the
 * calibrated one comes from `calibratedSlowdown`) and a repeat visit (a kept browser profile and
 * `--disable-storage-reset`, so a service worker installed by the first visit serves the second).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { median } from "./load";

const exec = promisify(execFile);

export type LighthouseRun = { score: number; lcpMs: number; tbtMs: number; cls: number; fcpMs: number; benchmarkIndex: number };
export type LighthouseOptions = { cpuSlowdown?: number; profileDir?: string };

/**
 * The CPU slowdown Lighthouse's throttling guide suggests for this host: its 4× default is meant for a
 * high-end desktop (benchmarkIndex 1500–2000); a low-end desktop (1000–1500) wants about 2×; below that
 * (mobile-class hosts) 1×.
 */
export function calibratedSlowdown(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1500) return 4;
  if (benchmarkIndex >= 1000) return 2;
  return 1;
}

export function chromiumPath(): string | null {
  for (const p of [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) if (p && fs.existsSync(p)) return p;
  return null;
}

export async function lighthouse(url: string, cookie: string, chrome: string, opts: LighthouseOptions = {}): Promise<LighthouseRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "theratrack-lh-"));
  const out = path.join(dir, "report.json");
  const headers = path.join(dir, "headers.json");
  fs.writeFileSync(headers, JSON.stringify({ Cookie: cookie }));
  try {
    await exec(
      process.execPath,
      [
        "node_modules/lighthouse/cli/index.js",
        url,
        "--quiet",
        "--only-categories=performance",
        "--form-factor=mobile",
        "--screenEmulation.mobile",
        "--screenEmulation.width=820",
        "--screenEmulation.height=1180",
        "--screenEmulation.deviceScaleFactor=2",
        `--chrome-path=${chrome}`,
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage${opts.profileDir ? ` --user-data-dir=${opts.profileDir}` : ""}`,
        ...(opts.profileDir ? ["--disable-storage-reset"] : []),
        ...(opts.cpuSlowdown ? [`--throttling.cpuSlowdownMultiplier=${opts.cpuSlowdown}`] : []),
        `--extra-headers=${headers}`,
        "--output=json",
        `--output-path=${out}`,
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const r = JSON.parse(fs.readFileSync(out, "utf8")) as {
      finalDisplayedUrl: string;
      categories: { performance: { score: number | null } };
      audits: Record<string, { numericValue?: number }>;
      runtimeError?: { message: string };
      environment?: { benchmarkIndex?: number };
    };
    if (r.runtimeError) throw new Error(`lighthouse: ${r.runtimeError.message}`);
    if (new URL(r.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`lighthouse ended on ${r.finalDisplayedUrl}, not ${url} (not signed in?)`);
    return {
      score: Math.round((r.categories.performance.score ?? 0) * 100),
      lcpMs: r.audits["largest-contentful-paint"]?.numericValue ?? NaN,
      tbtMs: r.audits["total-blocking-time"]?.numericValue ?? NaN,
      cls: r.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
      fcpMs: r.audits["first-contentful-paint"]?.numericValue ?? NaN,
      benchmarkIndex: r.environment?.benchmarkIndex ?? NaN,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function medianRun(runs: LighthouseRun[]): LighthouseRun {
  return {
    score: median(runs.map((r) => r.score)),
    lcpMs: median(runs.map((r) => r.lcpMs)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
    cls: median(runs.map((r) => r.cls)),
    fcpMs: median(runs.map((r) => r.fcpMs)),
    benchmarkIndex: median(runs.map((r) => r.benchmarkIndex)),
  };
}
