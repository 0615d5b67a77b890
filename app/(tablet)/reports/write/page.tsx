import type { Metadata } from "next";

export const metadata: Metadata = { title: "Write a progress report" };
export const dynamic = "force-static";

/** The assistant's progress report (the tablet app in the layout), written and queued on the device. */
export default function ReportWriteShell() {
  return null;
}
