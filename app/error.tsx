"use client";

import { Button } from "@/components/ui/button";

/** Shown for unexpected server errors; the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-5 py-16">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-lg text-muted-foreground">
        The page could not be loaded. If the clinic&apos;s connection or server is down, wait a moment and try again.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
