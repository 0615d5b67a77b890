/** Shapes the schedule components receive from pages (plain data, no server imports). */
export type StaffOption = { id: string; name: string };
export type BookingOptions = {
  patients: { id: string; name: string; mrn: string }[];
  therapists: StaffOption[];
  assistants: StaffOption[];
  rooms: StaffOption[];
};
export type SeriesOutcome =
  | { status: "created"; seriesId: string; created: number; skipped: string[] }
  | { status: "conflicts"; conflicts: { date: string; reason: "room" | "therapist" | "assistant" | "patient"; message: string }[]; total: number };
