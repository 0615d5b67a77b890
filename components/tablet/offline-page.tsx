import { WifiOff } from "lucide-react";
import { T } from "./strings";

/** The service worker's answer for any page that is not available offline. No data, static. */
export function OfflinePage() {
  return (
    <main className="mx-auto max-w-xl space-y-4 px-5 py-16">
      <WifiOff aria-hidden className="h-10 w-10 text-primary" />
      <h1 className="text-2xl font-semibold">{T.offline.title}</h1>
      <p>{T.offline.intro}</p>
      <ul className="list-disc space-y-1 pl-6">
        {T.offline.works.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <p className="text-muted-foreground">{T.offline.later}</p>
      <a href="/today" className="inline-flex min-h-11 items-center font-semibold text-primary underline">
        {T.offline.open}
      </a>
    </main>
  );
}
