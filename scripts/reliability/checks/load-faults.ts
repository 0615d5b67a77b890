/**
 * What a deployment does to the app while tablets write (issue 15 items 2 and 3), on a schedule of
 * fractions of the load's duration: an instance SIGKILLed and later started again, another restarted
 * gracefully, then the PostgreSQL primary killed (`-m immediate`) and its synchronous standby promoted.
 */
import type { Context } from "../context";

export type Outage = "instance" | "db" | null;

export type FaultTimes = {
  instanceKilledAt: number;
  instanceBackAt: number;
  primaryKilledAt: number;
  promotedAt: number;
};

export type FaultReport = {
  times: FaultTimes;
  /** /api/health through nginx between the primary's death and the promotion */
  healthWhileNoPrimary: { status: number; body: string }[];
  kills: number;
  restarts: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runFaults(
  ctx: Context,
  seconds: number,
  deadline: number,
  hooks: { setOutage: (o: Outage) => void; beforePrimaryKill: () => void },
): Promise<FaultReport> {
  const at = (f: number) => sleep(Math.max(0, deadline - Date.now() - seconds * 1000 * (1 - f)));
  const times: FaultTimes = { instanceKilledAt: 0, instanceBackAt: 0, primaryKilledAt: 0, promotedAt: 0 };
  const [, victim, restarted] = ctx.instances;
  const standby = ctx.standby;
  if (!victim || !restarted || !standby) throw new Error("the load needs 3 instances and a standby");

  // An instance dies mid-load: nginx sends its share to the others.
  await at(0.2);
  hooks.setOutage("instance");
  await victim.kill();
  times.instanceKilledAt = Date.now();
  // Another is restarted the way a deploy does it (SIGTERM, start), while the first is still down.
  await at(0.35);
  await restarted.stop();
  await restarted.start();
  await at(0.45);
  await victim.start();
  times.instanceBackAt = Date.now();
  hooks.setOutage(null);

  // The primary dies; after a detection delay the standby is promoted.
  await at(0.55);
  hooks.setOutage("db");
  hooks.beforePrimaryKill();
  ctx.cluster.stopImmediate();
  times.primaryKilledAt = Date.now();
  const healthWhileNoPrimary: FaultReport["healthWhileNoPrimary"] = [];
  const detection = ctx.quick ? 2000 : 5000;
  while (Date.now() - times.primaryKilledAt < detection) {
    const r = await fetch(`${ctx.lb.base}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
    healthWhileNoPrimary.push({ status: r?.status ?? 0, body: r ? await r.text() : "" });
    await sleep(500);
  }
  standby.promote();
  times.promotedAt = Date.now();
  ctx.cluster = standby;
  ctx.standby = null;
  hooks.setOutage(null);
  return { times, healthWhileNoPrimary, kills: 2, restarts: 2 };
}
