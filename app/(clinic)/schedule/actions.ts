"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { cancelAppointment } from "@/lib/schedule/cancel-appointment";
import { createAppointment } from "@/lib/schedule/create-appointment";
import { createSeries } from "@/lib/schedule/create-series";
import type { AppointmentInput, CancelAppointmentInput, SeriesInput, UpdateAppointmentInput } from "@/lib/schedule/schemas";
import { updateAppointment } from "@/lib/schedule/update-appointment";

export async function bookAppointment(input: AppointmentInput) {
  return runAction("bookAppointment", async (actor) => {
    const r = await createAppointment(actor, input);
    revalidatePath("/schedule", "layout");
    return r;
  });
}

export async function bookSeries(input: SeriesInput) {
  return runAction("bookSeries", async (actor) => {
    const r = await createSeries(actor, input);
    if (r.status === "created") revalidatePath("/schedule", "layout");
    return r;
  });
}

export async function editAppointment(input: UpdateAppointmentInput) {
  return runAction("editAppointment", async (actor) => {
    const r = await updateAppointment(actor, input);
    revalidatePath("/schedule", "layout");
    return r;
  });
}

export async function cancelBooking(input: CancelAppointmentInput) {
  return runAction("cancelBooking", async (actor) => {
    const r = await cancelAppointment(actor, input);
    revalidatePath("/schedule", "layout");
    return r;
  });
}
