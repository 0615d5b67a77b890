import type { Metadata } from "next";

export const metadata: Metadata = { title: "Rooms" };
export const dynamic = "force-static";

/** Today's rooms for the assistant: the tablet app in the layout draws them from the device store. */
export default function PrepShell() {
  return null;
}
