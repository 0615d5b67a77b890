/**
 * A small HTTP client for the reliability suite: a cookie jar, next-auth sign-in (CSRF flow), and direct
 * server-action calls the way the browser makes them (POST with a Next-Action header).
 */
import fs from "node:fs";
import http from "node:http";

export type Resp = { status: number; headers: Headers; body: string; ms: number };

export class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly defaultHeaders: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Resp> {
    const headers = new Headers({ ...this.defaultHeaders, ...(init.headers as Record<string, string> | undefined) });
    if (this.cookies.size && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const started = performance.now();
    const res = await fetch(this.base + path, {
      ...init,
      headers,
      redirect: "manual",
      signal: init.signal ?? AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    const body = await res.text();
    this.keep(res);
    return { status: res.status, headers: res.headers, body, ms: performance.now() - started };
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** next-auth credentials sign-in. Returns the HTTP status of the callback and whether a session cookie was set. */
  async signIn(email: string, password: string, extraHeaders: Record<string, string> = {}): Promise<{ ok: boolean; status: number; body: string; ms: number }> {
    const csrf = JSON.parse((await this.get("/api/auth/csrf", extraHeaders)).body).csrfToken as string;
    const res = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.base, ...extraHeaders },
      body: new URLSearchParams({ csrfToken: csrf, email, password, json: "true" }).toString(),
    });
    const ok = [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
    return { ok, status: res.status, body: res.body, ms: res.ms };
  }

  async signOut(): Promise<void> {
    const csrf = JSON.parse((await this.get("/api/auth/csrf")).body).csrfToken as string;
    await this.request("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: this.base },
      body: new URLSearchParams({ csrfToken: csrf, json: "true" }).toString(),
    });
  }

  /** Call a server action by id, as React does: the args are JSON in the body. */
  async action(actionId: string, pagePath: string, args: unknown[], headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Resp & { result: ActionPayload | null }> {
    const res = await this.request(pagePath, {
      method: "POST",
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: this.base, ...headers },
      body: JSON.stringify(args),
      signal,
    });
    return { ...res, result: parseActionResult(res.body) };
  }
}

export type ActionPayload = { ok: boolean; code?: string; message?: string; data?: unknown };

/** The action's return value sits in the RSC stream as the row whose JSON has an "ok" field. */
export function parseActionResult(body: string): ActionPayload | null {
  for (const line of body.split("\n")) {
    const i = line.indexOf(":");
    if (i < 0) continue;
    const json = line.slice(i + 1);
    if (!json.startsWith("{")) continue;
    try {
      const v = JSON.parse(json) as Record<string, unknown>;
      if (typeof v.ok === "boolean") return v as ActionPayload;
    } catch {
      /* not JSON */
    }
  }
  return null;
}

type ActionEntry = { id: string; file: string; name: string; pages: string[] };

/** Every server action of the production build, from its manifest. */
export function buildActions(dir = ".next"): ActionEntry[] {
  const manifest = JSON.parse(fs.readFileSync(`${dir}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({
    id,
    file: v.filename,
    name: v.exportedName,
    pages: Object.keys(v.workers).map(appPathToUrl),
  }));
}

/** Every page and route handler of the production build, as URL patterns ("/patients/[id]"). */
export function buildRoutes(dir = ".next"): { pattern: string; kind: "page" | "route"; file: string }[] {
  const manifest = JSON.parse(fs.readFileSync(`${dir}/server/app-paths-manifest.json`, "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((k) => !k.startsWith("/_"))
    .map((k) => ({
      pattern: appPathToUrl(k),
      kind: k.endsWith("/route") ? ("route" as const) : ("page" as const),
      file: `app${k}.${k.endsWith("/route") ? "ts" : "tsx"}`,
    }));
}

export function appPathToUrl(appPath: string): string {
  const url = appPath
    .replace(/^app\//, "/")
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((seg) => !/^\(.*\)$/.test(seg))
    .join("/");
  return url === "" ? "/" : url.startsWith("/") ? url : `/${url}`;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * A request fetch() will not send (TRACE, TRACK, CONNECT-like and made-up methods are refused by
 * undici), through node:http. The body is read up to 64 kB, which is enough to look for stack traces.
 */
export function rawRequest(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        if (size < 65_536) chunks.push(c);
        size += c.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(body);
  });
}
