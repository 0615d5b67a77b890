/**
 * The working set's JSON (GET /api/working-set), part of the offline wire protocol (./protocol.ts
 * re-exports everything here). Plain types and constants only: client code imports them.
 */
import type { ObservationFormValues } from "@/lib/observations/schemas";

/** Bump when the working-set JSON changes shape: the ETag includes it, so tablets pull afresh. */
export const WORKING_SET_FORMAT = 1;

/** `locale`: the language saved on the account (users.locale), null = the device's browser language
 * (the tablet picks its language on the device: components/tablet/tablet-intl.tsx). */
export type WsUser = { id: string; name: string; title: string | null; role: "assistant"; clinicId: string; locale: string | null };
export type WsClinic = { id: string; name: string; timeZone: string; idleTimeoutMinutes: number };

/** Minimum necessary (DESIGN rule 8): no MRN, no date of birth, no full demographics. */
export type WsPatient = {
  id: string;
  /** preferred name (or first name) and last name, as Today shows it */
  displayName: string;
  precautions: string[];
  preferredLanguage: string;
  interpreterNeeded: boolean;
};

export type WsAppointment = {
  id: string;
  /** clinic-local day (YYYY-MM-DD) of startsAt */
  day: string;
  startsAt: string;
  endsAt: string;
  /** "cancelled" = cancelled by the clinic (no entry can be recorded) */
  status: "scheduled" | "cancelled";
  attendance: "present" | "late" | "no_show" | "cancelled" | null;
  arrivedAt: string | null;
  attendanceRecordedAt: string | null;
  attendanceRecordedByMe: boolean;
  /** the appointment's version: attendance.record / undo send it */
  version: number;
  patientId: string;
  roomId: string;
  roomName: string;
  therapistId: string;
  therapistLabel: string;
  /** listed only because its entry was returned (an earlier day) */
  returnedOnly: boolean;
};

export type WsDelegation = {
  id: string;
  patientId: string;
  therapistId: string;
  taskType: string;
  taskLabel: string;
  instructions: string;
  frequency: string;
  startsOn: string;
  endsOn: string | null;
  goalId: string | null;
  /** the aide has a current competency for this task type (today); if false it cannot be logged */
  competent: boolean;
};

export type WsGoal = { id: string; patientId: string; description: string; unit: string; baseline: number | null; target: number | null };
export type WsCompetency = { taskType: string; taskLabel: string; verifiedOn: string; expiresOn: string | null };

/** The aide's own entry for one of the listed appointments, with its content (drafts continue on any
 * tablet; returned entries are corrected). */
export type WsObservation = {
  id: string;
  appointmentId: string;
  status: "draft" | "submitted" | "returned" | "signed";
  version: number;
  updatedAt: string;
  submittedAt: string | null;
  returnComment: string | null;
  returnedAt: string | null;
  values: ObservationFormValues;
};

export type WsPrepItem = {
  id: string;
  position: number;
  label: string;
  required: boolean;
  equipmentId: string | null;
  result: "ok" | "failed" | null;
  checkedAt: string | null;
  checkedByName: string | null;
  note: string | null;
  version: number;
};
export type WsRoomPrep = {
  id: string;
  roomId: string;
  day: string;
  status: "not_started" | "in_progress" | "ready";
  completedAt: string | null;
  completedByName: string | null;
  items: WsPrepItem[];
};
export type WsRoom = {
  id: string;
  name: string;
  kind: string;
  /** appointments (not cancelled) in this room today, clinic-wide */
  appointmentsToday: number;
  firstAppointmentAt: string | null;
  prepId: string | null;
  outOfService: string[];
  needsService: string[];
};

export type WsSupply = { id: string; name: string; unit: string; onHand: number; reorderLevel: number; low: boolean };
/** Who a verbal report can go to: the aide's supervising therapists and the appointments' therapists. */
export type WsTherapist = { id: string; label: string };
export type WsVerbalReport = { id: string; appointmentId: string | null; patientId: string; therapistId: string; reportedAt: string; summary: string };

export type WorkingSet = {
  format: typeof WORKING_SET_FORMAT;
  /** the same value as the ETag header (without quotes) */
  etag: string;
  generatedAt: string;
  user: WsUser;
  clinic: WsClinic;
  /** today and the next day (after today, within a week) with an appointment for this aide */
  days: { today: string; next: string | null };
  appointments: WsAppointment[];
  patients: WsPatient[];
  delegations: WsDelegation[];
  goals: WsGoal[];
  competencies: WsCompetency[];
  observations: WsObservation[];
  rooms: WsRoom[];
  /** today's preps: every one already started in the clinic, and one for each room of the aide's
   * appointments today (created on the pull, as opening the room online does) */
  roomPreps: WsRoomPrep[];
  supplies: WsSupply[];
  therapists: WsTherapist[];
  verbalReports: WsVerbalReport[];
};

