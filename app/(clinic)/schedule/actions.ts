"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { cancelAppointment } from "@/lib/schedule/cancel-appointment";
import { createAppointment } from "@/lib/schedule/create-appointment";
import { createSeries } from "@/lib/schedule/create-series";
import type { AppointmentInput, CancelAppointmentInput, SeriesInput, UpdateAppointmentInput } from "@/lib/schedule/schemas";
import { updateAppointment } from "@/lib/schedule/update-appointment";

export async function bookAppointment(input: AppointmentInput) {
  return runAction("bookAppointment", async (actor) => {
    const r = await createAppointment(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function bookSeries(input: SeriesInput) {
  return runAction("bookSeries", async (actor) => {
    const r = await createSeries(actor, input);
    if (r.status === "created") refreshAfterSave();
    return r;
  });
}

export async function editAppointment(input: UpdateAppointmentInput) {
  return runAction("editAppointment", async (actor) => {
    const r = await updateAppointment(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function cancelBooking(input: CancelAppointmentInput) {
  return runAction("cancelBooking", async (actor) => {
    const r = await cancelAppointment(actor, input);
    refreshAfterSave();
    return r;
  });
}
