import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? HOME_BY_ROLE[actor.role] : "/login");
}
