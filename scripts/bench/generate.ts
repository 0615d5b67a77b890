/**
 * Synthetic multi-year dataset for benchmarks, generated set-based inside PostgreSQL (minutes, not hours).
 * Scale 1 ("large"): 20 clinics, 400 staff, 10,000 patients, 2,000,000 appointments, 1,000,000 session
 * observations with goal observations, 5,000,000 audit events. Synthetic people only.
 *
 * Layout per clinic: 1 admin, 7 therapists, 12 assistants; 8 rooms; 7 parallel tracks (therapist k,
 * assistant k, room k) of hourly sessions 08:00–16:00 on weekdays, ending two weeks after today, so
 * every track assistant has a full Today. Bench users sign in with BENCH_PASSWORD.
 */
import type postgres from "postgres";

export const BENCH_PASSWORD = "bench-password-2026";

export type Scale = { clinics: number; patients: number; appointments: number; observations: number; audit: number };

export function scaleOf(factor: number): Scale {
  return {
    clinics: Math.max(1, Math.round(20 * Math.min(1, factor * 5))),
    patients: Math.max(70, Math.round(10_000 * factor)),
    appointments: Math.max(700, Math.round(2_000_000 * factor)),
    observations: Math.max(300, Math.round(1_000_000 * factor)),
    audit: Math.max(1000, Math.round(5_000_000 * factor)),
  };
}

const TRACKS = 7;
const SLOTS_PER_DAY = 9;

export async function generate(sql: postgres.Sql, s: Scale, passwordHash: string, log: (m: string) => void): Promise<void> {
  const C = s.clinics;
  const P = Math.max(TRACKS, Math.floor(s.patients / C));
  const A = Math.floor(s.appointments / C);
  const days = Math.ceil(A / (TRACKS * SLOTS_PER_DAY)); // weekdays covered per clinic
  const timed = async (label: string, q: string) => {
    const t = performance.now();
    await sql.unsafe(q);
    log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  // Deterministic ids shaped as RFC 4122 v4 (the app's zod schemas check version and variant bits).
  await sql.unsafe(`
    create or replace function bench_id(key text) returns uuid language sql immutable parallel safe as
    $$ select overlay(overlay(md5(key) placing '4' from 13) placing '8' from 17)::uuid $$`);
  await sql.unsafe("set session_replication_role = replica"); // skip FK and audit-chain triggers while loading
  await sql.unsafe("set maintenance_work_mem = '256MB'");

  await timed("clinics", `
    insert into clinics (id, name, time_zone)
    select bench_id('bench-clinic-' || c), 'Bench Clinic ' || c,
      (array['America/Los_Angeles','America/New_York','America/Chicago','America/Denver'])[1 + c % 4]
    from generate_series(1, ${C}) c on conflict do nothing`);

  await timed("staff", `
    insert into users (id, clinic_id, email, name, role, title, discipline, password_hash)
    select bench_id('bench-user-' || c || '-' || u), bench_id('bench-clinic-' || c),
      'bench-c' || c || '-u' || u || '@bench.example',
      case when u = 0 then 'Admin ' when u <= 7 then 'Therapist ' else 'Assistant ' end || c || '-' || u,
      (case when u = 0 then 'admin' when u <= 7 then 'therapist' else 'assistant' end)::role,
      case when u = 0 then 'Administrator' when u <= 7 then 'DPT' else 'Rehabilitation Aide' end,
      case when u between 1 and 7 then 'PT'::discipline end, '${passwordHash}'
    from generate_series(1, ${C}) c, generate_series(0, 19) u on conflict do nothing`);

  await timed("supervisions, rooms", `
    insert into supervisions (clinic_id, assistant_id, therapist_id)
    select bench_id('bench-clinic-' || c), bench_id('bench-user-' || c || '-' || (8 + k)), bench_id('bench-user-' || c || '-' || (1 + k % 7))
    from generate_series(1, ${C}) c, generate_series(0, 11) k on conflict do nothing;
    insert into rooms (id, clinic_id, name, kind)
    select bench_id('bench-room-' || c || '-' || r), bench_id('bench-clinic-' || c), 'Room ' || r,
      (array['gym','treatment','sensory','speech'])[1 + r % 4]::room_kind
    from generate_series(1, ${C}) c, generate_series(0, 7) r on conflict do nothing`);

  await timed("patients, caseloads, goals, delegations, competencies", `
    insert into patients (id, clinic_id, mrn, first_name, last_name, date_of_birth, precautions, primary_therapist_id)
    select bench_id('bench-patient-' || c || '-' || p), bench_id('bench-clinic-' || c), 'B' || c || '-' || p,
      'Given' || p, 'Family' || (p * 7919 % 100000), date '1940-01-01' + (p * 37 % 25000),
      case when p % 3 = 0 then array['Fall risk'] else '{}' end, bench_id('bench-user-' || c || '-' || (1 + p % 7))
    from generate_series(1, ${C}) c, generate_series(0, ${P - 1}) p on conflict do nothing;
    insert into caseloads (clinic_id, assistant_id, patient_id)
    select bench_id('bench-clinic-' || c), bench_id('bench-user-' || c || '-' || (8 + p % 7)), bench_id('bench-patient-' || c || '-' || p)
    from generate_series(1, ${C}) c, generate_series(0, ${P - 1}) p on conflict do nothing;
    insert into goals (id, clinic_id, patient_id, therapist_id, description, unit, baseline, target)
    select bench_id('bench-goal-' || c || '-' || p || '-' || g), bench_id('bench-clinic-' || c), bench_id('bench-patient-' || c || '-' || p),
      bench_id('bench-user-' || c || '-' || (1 + p % 7)), 'Goal ' || g, 'ft', 20, 200
    from generate_series(1, ${C}) c, generate_series(0, ${P - 1}) p, generate_series(0, 1) g on conflict do nothing;
    insert into competencies (id, clinic_id, assistant_id, task_type, verified_by)
    select bench_id('bench-comp-' || c || '-' || k), bench_id('bench-clinic-' || c), bench_id('bench-user-' || c || '-' || (8 + k)),
      'gait_training', bench_id('bench-user-' || c || '-' || (1 + k % 7))
    from generate_series(1, ${C}) c, generate_series(0, 11) k on conflict do nothing;
    insert into delegations (id, clinic_id, patient_id, therapist_id, assistant_id, task_type, goal_id, instructions, frequency, starts_on)
    select bench_id('bench-deleg-' || c || '-' || p), bench_id('bench-clinic-' || c), bench_id('bench-patient-' || c || '-' || p),
      bench_id('bench-user-' || c || '-' || (1 + p % 7)), bench_id('bench-user-' || c || '-' || (8 + p % 7)), 'gait_training',
      bench_id('bench-goal-' || c || '-' || p || '-0'), 'Walk with gait belt', 'Each session', current_date - 3650
    from generate_series(1, ${C}) c, generate_series(0, ${P - 1}) p on conflict do nothing`);

  // Weekday n (0-based) of the run, counted back from two weeks after today.
  for (let c = 1; c <= C; c++) {
    await timed(`appointments clinic ${c}/${C}`, `
      with cl as (select id, time_zone from clinics where id = bench_id('bench-clinic-${c}')),
      base as (select (date_trunc('week', (now() at time zone (select time_zone from cl))::date + 14) - make_interval(weeks => ${Math.ceil(days / 5)}))::date as monday),
      slots as (
        select i, i % ${TRACKS} as k, i / ${TRACKS} as s from generate_series(0, ${A - 1}) i
      ), placed as (
        select i, k, s, (select monday from base) + ((s / ${SLOTS_PER_DAY}) / 5) * 7 + ((s / ${SLOTS_PER_DAY}) % 5) as day,
          8 + s % ${SLOTS_PER_DAY} as hour,
          ${TRACKS} * ((s) % ${Math.max(1, Math.floor(P / TRACKS))}) + k as p
        from slots
      )
      insert into appointments (id, clinic_id, patient_id, therapist_id, assistant_id, room_id, starts_at, ends_at, attendance, arrived_at, attendance_recorded_by, attendance_recorded_at)
      select bench_id('bench-appt-${c}-' || i), cl.id, bench_id('bench-patient-${c}-' || p), bench_id('bench-user-${c}-' || (1 + k)),
        bench_id('bench-user-${c}-' || (8 + k)), bench_id('bench-room-${c}-' || k),
        (day + make_interval(hours => hour)) at time zone cl.time_zone,
        (day + make_interval(hours => hour, mins => 45)) at time zone cl.time_zone,
        att, case when att in ('present','late') then (day + make_interval(hours => hour)) at time zone cl.time_zone end,
        case when att is not null then bench_id('bench-user-${c}-' || (8 + k)) end,
        case when att is not null then (day + make_interval(hours => hour, mins => 5)) at time zone cl.time_zone end
      from placed, cl, lateral (select case when day >= (now() at time zone cl.time_zone)::date then null
          else (array['present','present','present','present','present','present','present','present','present','present','present','present','present','present','present','present','present','late','no_show','cancelled'])[1 + (i * 7 + 3) % 20]
        end::attendance as att) a
      on conflict do nothing`);
  }

  const every = Math.max(1, Math.round((A * 0.9) / (s.observations / C)));
  await timed("observations", `
    insert into observations (id, clinic_id, appointment_id, patient_id, captured_by, captured_by_label, supervising_therapist_id,
      attitude, attitude_tags, accomplishments, status, submitted_at, signed_at, signed_by, signed_by_label, created_at, updated_at)
    select bench_id('bench-obs-' || a.id), a.clinic_id, a.id, a.patient_id, a.assistant_id, 'Bench Assistant, Rehabilitation Aide, assistant',
      a.therapist_id, 1 + (abs(hashtext(a.id::text)) % 5), array['engaged'], 'Walked further than last time',
      case when a.starts_at > now() - interval '2 days' then 'submitted' else 'signed' end::observation_status,
      a.starts_at + interval '1 hour',
      case when a.starts_at > now() - interval '2 days' then null else a.starts_at + interval '5 hours' end,
      case when a.starts_at > now() - interval '2 days' then null else a.therapist_id end,
      case when a.starts_at > now() - interval '2 days' then null else 'Bench Therapist, DPT' end,
      a.starts_at + interval '50 minutes', a.starts_at + interval '1 hour'
    from appointments a
    where a.clinic_id in (select id from clinics where name like 'Bench Clinic %')
      and a.attendance in ('present','late') and abs(hashtext(a.id::text)) % ${every} = 0
    on conflict do nothing`);
  await timed("goal observations", `
    insert into goal_observations (observation_id, goal_id, value, assist_level)
    select o.id, bench_id('bench-goal-' || substr(p.mrn, 2, position('-' in p.mrn) - 2) || '-' || substr(p.mrn, position('-' in p.mrn) + 1) || '-0'),
      20 + (extract(epoch from o.created_at)::bigint / 86400) % 180, 'minimal'
    from observations o join patients p on p.id = o.patient_id
    where o.captured_by_label like 'Bench %' on conflict do nothing`);

  // chained positions as the trigger would give them (hashes are left empty: the chain is not verified here)
  const perClinicAudit = Math.floor(s.audit / C);
  await timed("audit events", `
    insert into audit_events (chain_seq, at, clinic_id, actor_id, action, entity, entity_id, patient_id, ip, user_agent, detail)
    select i, now() - make_interval(secs => (i::bigint * 7919) % (5 * 365 * 86400)), bench_id('bench-clinic-' || c),
      bench_id('bench-user-' || c || '-' || (i % 20)),
      (array['patient.view_clinical','observation.submit','observation.sign','attendance.record','auth.sign_in','patient.view_demographics'])[1 + i % 6],
      'patient', null, bench_id('bench-patient-' || c || '-' || (i % ${P})), '203.0.113.' || (i % 250), 'bench', '{}'
    from generate_series(1, ${C}) c, generate_series(1, ${perClinicAudit}) i`);

  await sql.unsafe("set session_replication_role = origin");
  await timed("analyze", "analyze");
}
