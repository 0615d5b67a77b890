import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-5 py-16">
      <h1 className="text-3xl font-bold">Not available to your role</h1>
      <p className="mt-3 text-lg text-muted-foreground">This page is for another role. The attempt was recorded.</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-primary px-5 font-semibold text-primary-foreground">
        Go to your home page
      </Link>
    </main>
  );
}
