import "server-only";
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { appointments, goalObservations, goals, observations } from "@/db/schema";
import { addDays, clinicDate, clinicDayRange } from "@/lib/time";
import { compileFigures, type Figures } from "./figures";

export type CompileScope = {
  patientId: string;
  from: string;
  to: string;
  timeZone: string;
  /** which entries count: signed only (the chart), or also those awaiting signature (an aide's report) */
  statuses: ("submitted" | "signed")[];
  /** limit goal series to these goals (an assistant's delegated goals); undefined = all */
  goalIds?: string[];
};

/** Gather a patient's appointments and entries for [from, to] (clinic dates) and compile the figures. */
export async function compilePatientFigures(q: Queryable, s: CompileScope): Promise<Figures> {
  const start = clinicDayRange(s.from, s.timeZone).start;
  const end = clinicDayRange(addDays(s.to, 0), s.timeZone).end;
  const inPeriod = and(eq(appointments.patientId, s.patientId), gte(appointments.startsAt, start), lt(appointments.startsAt, end));
  const [appts, entries, points] = await Promise.all([
    q.select({ startsAt: appointments.startsAt, attendance: appointments.attendance }).from(appointments).where(inPeriod),
    q
      .select({ startsAt: appointments.startsAt, attitude: observations.attitude, accomplishments: observations.accomplishments })
      .from(observations)
      .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
      .where(and(inPeriod, inArray(observations.status, s.statuses))),
    s.goalIds && !s.goalIds.length
      ? Promise.resolve([])
      : q
          .select({
            startsAt: appointments.startsAt,
            goalId: goals.id,
            description: goals.description,
            unit: goals.unit,
            baseline: goals.baseline,
            target: goals.target,
            value: goalObservations.value,
            assistLevel: goalObservations.assistLevel,
          })
          .from(goalObservations)
          .innerJoin(observations, eq(observations.id, goalObservations.observationId))
          .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
          .innerJoin(goals, eq(goals.id, goalObservations.goalId))
          .where(and(inPeriod, inArray(observations.status, s.statuses), s.goalIds ? inArray(goals.id, s.goalIds) : undefined)),
  ]);
  const day = (d: Date) => clinicDate(d, s.timeZone);
  return compileFigures({
    appointments: appts.map((a) => ({ date: day(a.startsAt), attendance: a.attendance })),
    entries: entries.map((e) => ({ date: day(e.startsAt), attitude: e.attitude, accomplishments: e.accomplishments })),
    goalPoints: points.map((p) => ({ ...p, date: day(p.startsAt) })),
  });
}
