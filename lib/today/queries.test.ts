import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { observations, roomPreps } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { clinicToday, formatClinicTime } from "@/lib/time";
import { listReturnedEntries, listTodayAppointments } from "./queries";

beforeAll(seedDemoOnce);

const TZ = "America/Los_Angeles";

describe("Today", () => {
  it("lists the assistant's appointments for today in the clinic's zone, in time order, with room prep and badges", async () => {
    const ana = await actorFor(DEMO.ana);
    const day = clinicToday(TZ);
    await getDb()
      .insert(roomPreps)
      .values({ clinicId: ana.clinicId, roomId: demo.room("sunrise", "gym"), day, status: "ready" });
    const { appointments } = await listTodayAppointments(ana);
    expect(appointments.map((a) => [formatClinicTime(a.startsAt, TZ), a.patientName])).toEqual([
      ["8:00 AM", "Maggie Testwell"],
      ["9:00 AM", "Lucy Demoreyes"],
      ["10:00 AM", "Deshawn Samplefield"],
      ["11:00 AM", "Toby Mockridge"],
      ["1:00 PM", "Bernie Pseudoman"],
      ["2:00 PM", "Aiyana Trialsworth"],
      ["3:00 PM", "Mei Placeholm"],
    ]);
    const maggie = appointments[0]!;
    expect(maggie).toMatchObject({ roomName: "Main Gym", roomPrep: "ready", therapist: "Peter Park, DPT", attendance: null, observation: null });
    expect(maggie.precautions).toContain("Fall risk");
    expect(appointments[1]).toMatchObject({ roomPrep: "not_started", interpreterNeeded: true, preferredLanguage: "Spanish", therapist: "Olivia Ortiz, OTR/L" });
  });

  it("shows no one else's appointments: another assistant, another clinic", async () => {
    const sam = await actorFor(DEMO.sam);
    const samDay = await listTodayAppointments(sam);
    expect(samDay.appointments.map((a) => a.patientName)).not.toContain("Maggie Testwell");
    const hugo = await actorFor(DEMO.hugo);
    const hugoDay = await listTodayAppointments(hugo);
    expect(hugoDay.appointments.map((a) => a.patientName)).toEqual(["Billie Mockett", "Cornelius Fauxley", "Priya Samplestone"]);
    await expect(listTodayAppointments(await actorFor(DEMO.peter))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("returned entries carry the therapist's comment", async () => {
    const ana = await actorFor(DEMO.ana);
    const appointmentId = demoId(`sunrise:appt:p01:${clinicToday(TZ)}:08:00`);
    await getDb()
      .insert(observations)
      .values({
        id: randomUUID(),
        clinicId: ana.clinicId,
        appointmentId,
        patientId: demo.patient("sunrise", "p01"),
        capturedBy: ana.id,
        capturedByLabel: "Ana Alvarez, Rehabilitation Aide, assistant",
        supervisingTherapistId: demo.user("sunrise", "peter"),
        status: "returned",
        returnComment: "Please add the distance walked",
        returnedAt: new Date(),
      });
    const { appointments } = await listTodayAppointments(ana);
    expect(appointments[0]!.observation).toEqual({ status: "returned", returnComment: "Please add the distance walked" });
    // the demo seed also has one returned entry of Ana's (Mei's)
    expect(await listReturnedEntries(ana)).toEqual(
      expect.arrayContaining([expect.objectContaining({ appointmentId, patientName: "Maggie Testwell", returnComment: "Please add the distance walked" })]),
    );
    expect(await listReturnedEntries(await actorFor(DEMO.sam))).toEqual([]);
  });
});
