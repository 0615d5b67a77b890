"use client";

import { Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import { ATTENDANCE_LABEL, ATTENDANCE_VALUES, type AttendanceResult, type AttendanceValue } from "@/lib/schedule/attendance";
import type { RecordAttendanceInput, UndoAttendanceInput } from "@/lib/schedule/attendance-schemas";
import { clinicTime, formatClinicTime } from "@/lib/time";

type State = { attendance: AttendanceValue | null; arrivedAt: string | null; version: number };

/** One-tap attendance with an undo for a mis-tap. The server checks the version on every tap. */
export function AttendanceControl({
  appointmentId,
  patientName,
  timeZone,
  initial,
  disabled,
  onRecord,
  onUndo,
}: {
  appointmentId: string;
  patientName: string;
  timeZone: string;
  initial: State;
  disabled?: boolean;
  onRecord: (input: RecordAttendanceInput) => Promise<ActionResult<AttendanceResult>>;
  onUndo: (input: UndoAttendanceInput) => Promise<ActionResult<AttendanceResult>>;
}) {
  const router = useRouter();
  // Disabled until hydrated: a tap before then would do nothing, so it waits for a working button instead.
  const hydrated = useHydrated();
  const [override, setOverride] = useState<State | null>(null);
  const [undoVersion, setUndoVersion] = useState<number | null>(null);
  const [lateOpen, setLateOpen] = useState(false);
  const [arrival, setArrival] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const current = override && override.version >= initial.version ? override : initial;

  async function send(run: () => Promise<ActionResult<AttendanceResult>>, undo: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await run();
      if (res.ok) {
        const next = { attendance: res.data.attendance, arrivedAt: res.data.arrivedAt, version: res.data.version };
        setOverride(next);
        setUndoVersion(undo ? null : res.data.version);
        setLateOpen(false);
        const label = next.attendance ? ATTENDANCE_LABEL[next.attendance] : "not recorded";
        setMessage({ tone: "ok", text: undo ? `Undone: attendance is back to ${label.toLowerCase()}.` : `Marked ${label.toLowerCase()}.` });
        router.refresh();
      } else {
        setMessage({ tone: "error", text: res.message });
      }
    } catch {
      setMessage({ tone: "error", text: "Cannot reach TheraTrack. Nothing was saved; check the Wi-Fi and tap again." });
    } finally {
      setBusy(false);
    }
  }

  const record = (attendance: AttendanceValue, arrivalTime = "") =>
    send(() => onRecord({ appointmentId, attendance, arrivalTime, version: current.version }), false);

  return (
    <div className="space-y-3">
      <div role="group" aria-label={`Attendance for ${patientName}`} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {ATTENDANCE_VALUES.map((v) => (
          <Button
            key={v}
            type="button"
            size="lg"
            variant={current.attendance === v ? "primary" : "secondary"}
            aria-pressed={current.attendance === v}
            disabled={busy || disabled || !hydrated}
            className="w-full"
            onClick={() => {
              if (v === "late") {
                setArrival(clinicTime(new Date(), timeZone));
                setLateOpen(true);
              } else void record(v);
            }}
          >
            {ATTENDANCE_LABEL[v]}
          </Button>
        ))}
      </div>
      {lateOpen ? (
        <ClientForm
          className="flex flex-wrap items-end gap-3 rounded-lg bg-muted p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void record("late", arrival);
          }}
        >
          <div className="space-y-1">
            <Label htmlFor={`arrival-${appointmentId}`}>Arrival time</Label>
            <Input id={`arrival-${appointmentId}`} type="time" value={arrival} onChange={(e) => setArrival(e.target.value)} className="w-40" />
          </div>
          <Button type="submit" disabled={busy}>
            Save late arrival
          </Button>
          <Button type="button" variant="ghost" onClick={() => setLateOpen(false)}>
            Cancel
          </Button>
        </ClientForm>
      ) : null}
      <div className="flex flex-wrap items-center gap-3" aria-live="polite">
        {current.attendance && current.arrivedAt && (current.attendance === "present" || current.attendance === "late") ? (
          <span className="text-muted-foreground">Arrived {formatClinicTime(new Date(current.arrivedAt), timeZone)}</span>
        ) : null}
        {message ? <span className={message.tone === "error" ? "font-semibold text-danger" : "text-success"}>{message.text}</span> : null}
        {undoVersion !== null && undoVersion === current.version ? (
          <Button type="button" variant="secondary" disabled={busy || !hydrated} onClick={() => void send(() => onUndo({ appointmentId, version: current.version }), true)}>
            <Undo2 aria-hidden className="h-5 w-5" />
            Undo
          </Button>
        ) : null}
      </div>
    </div>
  );
}
