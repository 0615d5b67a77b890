/**
 * The environment the reliability suite runs in: a private PostgreSQL cluster of its own (so it can stop
 * it abruptly without touching the machine's shared server), a migrated + seeded database, and the
 * production build served by a child process that can be killed and restarted.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PG_BIN = process.env.PG_BIN ?? `/usr/lib/postgresql/${fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort().at(-1) : "15"}/bin`;
const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0 ? (["runuser", ["-u", "postgres", "--", cmd, ...args]] as const) : ([cmd, args] as const);

function run(cmd: string, args: string[], opts: { quiet?: boolean } = {}) {
  const [c, a] = asPostgres(cmd, args);
  return execFileSync(c, [...a], { stdio: opts.quiet ? "pipe" : ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

export class PrivateCluster {
  readonly dir: string;
  constructor(readonly port: number) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "theratrack-rel-pg-"));
    fs.chmodSync(this.dir, 0o777);
  }
  get adminUrl() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }
  urlFor(db: string) {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }
  /** `extraConf`: lines appended to postgresql.conf (e.g. the benchmarks load auto_explain). */
  init(extraConf = "") {
    const data = path.join(this.dir, "data");
    run(`${PG_BIN}/initdb`, ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"], { quiet: true });
    fs.appendFileSync(
      path.join(data, "postgresql.conf"),
      `\nport = ${this.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${this.dir}'\nmax_connections = 200\nfsync = on\n${extraConf}`,
    );
    this.start();
  }
  /**
   * Start from a copy of a stopped cluster's data directory (the bench's generated data, kept by
   * `--data-cache`) instead of initdb; this cluster's port and socket directory override the copy's.
   */
  initFromCopy(source: string) {
    const data = path.join(this.dir, "data");
    execFileSync("cp", ["-a", source, data]);
    fs.rmSync(path.join(data, "postmaster.pid"), { force: true });
    fs.appendFileSync(path.join(data, "postgresql.conf"), `\nport = ${this.port}\nunix_socket_directories = '${this.dir}'\n`);
    this.start();
  }
  /** Copy this cluster's data directory to `target` while it is cleanly stopped, then start it again. */
  snapshotTo(target: string) {
    const data = path.join(this.dir, "data");
    run(`${PG_BIN}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"], { quiet: true });
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    execFileSync("cp", ["-a", data, target]);
    this.start();
  }
  start() {
    run(`${PG_BIN}/pg_ctl`, ["-D", path.join(this.dir, "data"), "-l", path.join(this.dir, "log"), "-w", "-t", "60", "start"], { quiet: true });
  }
  /**
   * Make this (not yet initialised) cluster a hot standby of `primary`, streaming from it, and make the
   * primary wait for it on every commit (synchronous_commit = remote_apply): a commit is acknowledged only
   * once the standby has applied it, so a write the app acknowledged survives losing the primary.
   */
  initStandbyOf(primary: PrivateCluster, name = "standby") {
    const data = path.join(this.dir, "data");
    const conninfo = `host=127.0.0.1 port=${primary.port} user=postgres application_name=${name}`;
    run(`${PG_BIN}/pg_basebackup`, ["-d", conninfo, "-D", data, "-R", "-X", "stream", "-c", "fast"], { quiet: true });
    // the copy carries the primary's settings; the standby gets its own port and socket, and no
    // synchronous standby of its own (after promotion nothing would answer it and commits would hang)
    fs.appendFileSync(
      path.join(data, "postgresql.conf"),
      `\nport = ${this.port}\nunix_socket_directories = '${this.dir}'\nhot_standby = on\nsynchronous_standby_names = ''\n`,
    );
    this.start();
    primary.psql("postgres", `alter system set synchronous_standby_names = '${name}'`);
    primary.psql("postgres", "alter system set synchronous_commit = 'remote_apply'");
    primary.psql("postgres", "select pg_reload_conf()");
  }
  /** Promote a standby to primary (pg_ctl promote, waits until it accepts writes). */
  promote() {
    run(`${PG_BIN}/pg_ctl`, ["-D", path.join(this.dir, "data"), "-w", "-t", "60", "promote"], { quiet: true });
  }
  /** Immediate shutdown: what a crash or a power cut looks like to the app. */
  stopImmediate() {
    run(`${PG_BIN}/pg_ctl`, ["-D", path.join(this.dir, "data"), "-m", "immediate", "-w", "stop"], { quiet: true });
  }
  destroy() {
    try {
      run(`${PG_BIN}/pg_ctl`, ["-D", path.join(this.dir, "data"), "-m", "fast", "-w", "stop"], { quiet: true });
    } catch {
      /* already stopped */
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
  psql(db: string, sqlText: string): string {
    return execFileSync(`${PG_BIN}/psql`, [this.urlFor(db), "-v", "ON_ERROR_STOP=1", "-Atqc", sqlText], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // the load check reads back every acknowledged id (tens of thousands of uuids: past the 1 MB default,
      // which crashed a quick run whose slow machine stretched the load to 578 s)
      maxBuffer: 256 * 1024 * 1024,
    }).trim();
  }
  /** The server's log file (pg_ctl -l). */
  get logFile() {
    return path.join(this.dir, "log");
  }
  bin(name: string) {
    return `${PG_BIN}/${name}`;
  }
}

export class AppServer {
  child: ChildProcess | null = null;
  log: string[] = [];
  /** chunks dropped from the front of `log` (it is bounded) */
  private dropped = 0;
  constructor(
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
    /** e.g. ["taskset", "-c", "0"] to pin the server to a CPU */
    readonly prefix: string[] = [],
    /** node flags, e.g. ["--cpu-prof", "--cpu-prof-dir=reports/cpu"] */
    readonly nodeArgs: string[] = [],
  ) {}
  get base() {
    return `http://localhost:${this.port}`;
  }
  /** `node scripts/serve.mjs`: the production edge, as `npm start` and deploy/systemd run it. */
  async start(): Promise<void> {
    const cmd = [...this.prefix, process.execPath, ...this.nodeArgs, "scripts/serve.mjs"];
    this.child = spawn(cmd[0]!, cmd.slice(1), {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (b: Buffer) => {
      this.log.push(b.toString());
      if (this.log.length > 2000) {
        this.log.splice(0, 1000);
        this.dropped += 1000;
      }
    };
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const r = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (r.status === 200 || r.status === 503) return;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`app did not start on ${this.port}:\n${this.log.join("").slice(-2000)}`);
  }
  /** SIGKILL: no graceful shutdown, like a crashed process. */
  kill(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.child || this.child.exitCode !== null) return resolve();
      this.child.once("exit", () => resolve());
      this.child.kill("SIGKILL");
    });
  }
  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child!.once("exit", () => resolve());
      this.child!.kill("SIGTERM");
    });
  }
  /** A position in the server's output; `logSince(mark)` is what it wrote after. */
  logMark(): number {
    return this.dropped + this.log.length;
  }
  logSince(mark: number): string {
    return this.log.slice(Math.max(0, mark - this.dropped)).join("");
  }
  /** Lines that look like crashes or stack traces in the server's own output. */
  crashes(): string[] {
    return this.log.join("").split("\n").filter((l) => /Unhandled|uncaughtException|FATAL ERROR|Segmentation/i.test(l));
  }
}
