/**
 * The floor: the same work as the app's hottest paths, with no framework.
 * - /observation and /today: node:http + postgres.js by hand (session looked up in the database, the same
 *   zod schema, writes in one transaction), as the first benchmarks defined them;
 * - /working-set, /outbox and /sign: node:http calling the SAME lib/ functions the app's route handlers
 *   and server action call (the session check of lib/auth/sessions.ts, the working set's queries and
 *   JSON, the outbox's verbs and ledger, the sign verb), so the ratio is what Next, next-auth and the
 *   RSC/route machinery add, nothing else.
 * Run: node --conditions=react-server --import tsx scripts/bench/floor-server.ts <port>  (DATABASE_URL set)
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import postgres from "postgres";
import { z } from "zod";
import type { Actor } from "../../lib/auth/actor";
import { loadSession } from "../../lib/auth/sessions";
import { outboxBatchSchema } from "../../lib/offline/outbox-schema";
import { processOutbox } from "../../lib/offline/process-outbox";
import { pullWorkingSet } from "../../lib/offline/pull-working-set";
import { signObservation } from "../../lib/observations/sign-observation";

const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DB_POOL_MAX ?? 10), onnotice: () => {} });
const port = Number(process.argv[2] ?? 3301);

const draft = z.object({
  id: z.uuid(),
  appointmentId: z.uuid(),
  attitude: z.number().int().min(1).max(5).nullable(),
  attitudeTags: z.array(z.string().max(40)).max(20),
  accomplishments: z.string().max(4000),
  comfortAndNeeds: z.string().max(4000),
  note: z.string().max(4000),
});

async function session(req: http.IncomingMessage) {
  const sid = String(req.headers["x-session"] ?? "");
  const [row] = await sql`
    select u.id, u.clinic_id, u.name, u.title, c.time_zone from auth_sessions s
    join users u on u.id = s.user_id join clinics c on c.id = u.clinic_id
    where s.id = ${sid} and s.revoked_at is null and u.active and s.expires_at > now()`;
  return row;
}

function body(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let b = "";
    req.on("data", (c) => (b += c));
    req.on("end", () => resolve(b));
  });
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The app's own session check (lib/auth/sessions.ts), fed the session id the app keeps in its JWT. */
async function actorOf(req: http.IncomingMessage): Promise<Actor | null> {
  const s = await loadSession(String(req.headers["x-session"] ?? ""));
  if (!s.ok) return null;
  return { ...s.actor, ip: req.socket.remoteAddress ?? null, userAgent: String(req.headers["user-agent"] ?? "") || null };
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  void res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers }).end(JSON.stringify(body));

async function libRoutes(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  const path = req.url ?? "";
  if (path !== "/working-set" && path !== "/outbox" && path !== "/sign") return false;
  const actor = await actorOf(req);
  if (!actor) {
    res.writeHead(401).end();
    return true;
  }
  if (req.method === "GET" && path === "/working-set") {
    const pull = await pullWorkingSet(actor, (req.headers["if-none-match"] as string | undefined) ?? null);
    if (pull.status === 304) res.writeHead(304, { etag: `"${pull.etag}"`, "cache-control": "no-store" }).end();
    else json(res, 200, pull.set, { etag: `"${pull.etag}"` });
    return true;
  }
  if (req.method === "POST" && path === "/outbox") {
    const batch = outboxBatchSchema.parse(JSON.parse(await body(req)));
    json(res, 200, { results: await processOutbox(actor, batch.mutations), serverTime: new Date().toISOString() });
    return true;
  }
  if (req.method === "POST" && path === "/sign") {
    json(res, 200, { ok: true, data: await signObservation(actor, JSON.parse(await body(req))) });
    return true;
  }
  res.writeHead(405).end();
  return true;
}

http
  .createServer(async (req, res) => {
    try {
      if (await libRoutes(req, res)) return;
      const me = await session(req);
      if (!me) return void res.writeHead(401).end();
      if (req.method === "POST" && req.url === "/observation") {
        const input = draft.parse(JSON.parse(await body(req)));
        await sql.begin(async (tx) => {
          const [a] = await tx`select id, patient_id, therapist_id from appointments where id = ${input.appointmentId} and clinic_id = ${me.clinic_id} and assistant_id = ${me.id}`;
          if (!a) throw new Error("not found");
          await tx`insert into observations (id, clinic_id, appointment_id, patient_id, captured_by, captured_by_label, supervising_therapist_id, attitude, attitude_tags, accomplishments, comfort_and_needs, note)
            values (${input.id}, ${me.clinic_id}, ${a.id}, ${a.patient_id}, ${me.id}, ${`${me.name}, ${me.title}, assistant`}, ${a.therapist_id}, ${input.attitude}, ${input.attitudeTags}, ${input.accomplishments}, ${input.comfortAndNeeds}, ${input.note})
            on conflict do nothing`;
          await tx`insert into audit_events (clinic_id, actor_id, action, entity, entity_id, patient_id, ip, user_agent, detail)
            values (${me.clinic_id}, ${me.id}, 'observation.save_draft', 'observation', ${input.id}, ${a.patient_id}, ${req.socket.remoteAddress ?? null}, ${req.headers["user-agent"] ?? null}, '{}')`;
        });
        return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, id: randomUUID() }));
      }
      if (req.method === "GET" && req.url === "/today") {
        const rows = await sql`
          with d as (select (now() at time zone ${me.time_zone})::date as day)
          select a.id, a.starts_at, a.attendance, p.first_name, p.last_name, p.preferred_name, p.precautions, r.name as room, t.name as therapist, o.status
          from appointments a join patients p on p.id = a.patient_id join rooms r on r.id = a.room_id join users t on t.id = a.therapist_id
          left join room_preps rp on rp.room_id = a.room_id and rp.day = (select day from d)
          left join observations o on o.appointment_id = a.id
          where a.clinic_id = ${me.clinic_id} and a.assistant_id = ${me.id}
            and a.starts_at >= ((select day from d)::timestamp at time zone ${me.time_zone})
            and a.starts_at < (((select day from d) + 1)::timestamp at time zone ${me.time_zone})
            and exists (select 1 from caseloads c where c.patient_id = a.patient_id and c.assistant_id = ${me.id})
          order by a.starts_at`;
        const html = `<!doctype html><html><body><h1>Today</h1><ul>${rows
          .map((r) => `<li>${esc(String(r.starts_at))} ${esc(r.preferred_name ?? r.first_name)} ${esc(r.last_name)} · ${esc(r.room)} · ${esc(r.therapist)} · ${esc(r.attendance ?? "")} ${esc(r.status ?? "")}</li>`)
          .join("")}</ul></body></html>`;
        return void res.writeHead(200, { "content-type": "text/html" }).end(html);
      }
      res.writeHead(404).end();
    } catch (e) {
      res.writeHead(500).end(String(e)); // the harness reports failed requests with their reason
    }
  })
  .listen(port, () => process.stdout.write(`floor on ${port}\n`));
