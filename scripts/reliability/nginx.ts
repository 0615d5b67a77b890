/** nginx (Debian's package) in front of the suite's app instances, with deploy/nginx/theratrack.conf. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nginxSite } from "./deploy-unit";

export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

export class Nginx {
  readonly dir: string;
  child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly upstreamPorts: number[],
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "theratrack-rel-nginx-"));
    fs.chmodSync(this.dir, 0o777);
  }
  get base() {
    return `http://localhost:${this.port}`;
  }
  get errorLog() {
    return path.join(this.dir, "error.log");
  }
  private conf(): string {
    const d = this.dir;
    const site = path.join(d, "theratrack.conf");
    fs.writeFileSync(site, nginxSite(`127.0.0.1:${this.port}`, "localhost 127.0.0.1", this.upstreamPorts));
    const main = path.join(d, "nginx.conf");
    // a private prefix: its own pid, logs and temp files, so it never touches the machine's nginx
    fs.writeFileSync(
      main,
      `worker_processes 1;\npid ${d}/nginx.pid;\nerror_log ${this.errorLog} warn;\nevents { worker_connections 1024; }\n` +
        `http {\n  access_log off;\n  client_body_temp_path ${d}/body;\n  proxy_temp_path ${d}/proxy;\n  fastcgi_temp_path ${d}/fastcgi;\n` +
        `  uwsgi_temp_path ${d}/uwsgi;\n  scgi_temp_path ${d}/scgi;\n  include ${site};\n}\n`,
    );
    return main;
  }
  async start(): Promise<void> {
    if (!fs.existsSync(NGINX_BIN)) throw new Error(`${NGINX_BIN} not found: apt-get install -y nginx (.ci/run does)`);
    const conf = this.conf();
    try {
      execFileSync(NGINX_BIN, ["-t", "-q", "-p", this.dir, "-e", this.errorLog, "-c", conf], { stdio: "pipe", encoding: "utf8" });
    } catch (err) {
      throw new Error(`nginx refused its configuration: ${(err as { stderr?: string }).stderr ?? err}`);
    }
    this.child = spawn(NGINX_BIN, ["-p", this.dir, "-e", this.errorLog, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`nginx exited: ${fs.readFileSync(this.errorLog, "utf8").slice(-1000)}`);
      try {
        await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) });
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`nginx did not answer on ${this.port}`);
  }
  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGQUIT"); // graceful: workers finish, master exits
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      });
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
