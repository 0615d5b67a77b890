import { Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { formatClinicDateTime } from "@/lib/time";

export type OverdueRow = { id: string; patientName: string; assistant: string; therapist: string; submittedAt: Date; age: string };

/** Entries past the clinic's sign-off deadline. Names and ages only: safe for the admin overview. */
export function OverdueSignoff({ items, timeZone, showTherapist = true }: { items: OverdueRow[]; timeZone: string; showTherapist?: boolean }) {
  return (
    <Card aria-labelledby="overdue-title">
      <CardTitle id="overdue-title" className="flex items-center gap-2">
        <Clock aria-hidden className="h-5 w-5" />
        Overdue sign-off
        <Badge tone={items.length ? "danger" : "success"}>{items.length}</Badge>
      </CardTitle>
      {items.length ? (
        <ul className="mt-3 divide-y divide-border">
          {items.map((o) => (
            <li key={o.id} className="py-2">
              <span className="font-semibold">{o.patientName}</span> · by {o.assistant}
              {showTherapist ? <> · awaiting {o.therapist}</> : null}
              <span className="block text-muted-foreground">
                Submitted {formatClinicDateTime(o.submittedAt, timeZone)} · waiting {o.age}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-muted-foreground">No entries are overdue.</p>
      )}
    </Card>
  );
}
