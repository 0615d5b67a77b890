/**
 * The suite runs what deploy/ describes: app instances get the Environment= settings of
 * deploy/systemd/theratrack@.service (%i = port) and its ExecStart's script; nginx gets
 * deploy/nginx/theratrack.conf with its placeholders filled in.
 */
import fs from "node:fs";

export const UNIT_FILE = "deploy/systemd/theratrack@.service";
export const NGINX_SITE = "deploy/nginx/theratrack.conf";

/** Environment= lines of the unit (systemd syntax: space-separated K=V, optionally quoted), %i expanded. */
export function unitEnvironment(port: number, file = UNIT_FILE): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^Environment=(.*)$/.exec(line.trim());
    if (!m) continue;
    for (const pair of m[1]!.match(/(?:[^\s"]+|"[^"]*")+/g) ?? []) {
      const i = pair.indexOf("=");
      if (i > 0) env[pair.slice(0, i)] = pair.slice(i + 1).replace(/^"|"$/g, "").replaceAll("%i", String(port));
    }
  }
  return env;
}

/** The script the unit's ExecStart runs (relative to WorkingDirectory); the suite refuses to run anything else. */
export function unitScript(file = UNIT_FILE): string {
  const exec = fs.readFileSync(file, "utf8").split("\n").find((l) => l.startsWith("ExecStart="));
  const script = exec?.trim().split(/\s+/).at(-1);
  if (!script) throw new Error(`${file} has no ExecStart`);
  return script;
}

/** deploy/nginx/theratrack.conf with the suite's ports. */
export function nginxSite(listen: string, serverNames: string, upstreamPorts: number[], file = NGINX_SITE): string {
  const values: Record<string, string> = {
    LISTEN: listen,
    SERVER_NAMES: serverNames,
    UPSTREAMS: upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n    "),
  };
  // placeholders in comments stay as they are (a multi-line value would spill out of the comment)
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((line) =>
      line.trimStart().startsWith("#")
        ? line
        : line.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
            if (!(name in values)) throw new Error(`${file}: unknown placeholder ${whole}`);
            return values[name]!;
          }),
    )
    .join("\n");
}
