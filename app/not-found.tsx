import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-5 py-16">
      <h1 className="text-3xl font-bold">Not found</h1>
      <p className="mt-3 text-lg text-muted-foreground">There is nothing here, or it is not yours to see.</p>
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-primary px-5 font-semibold text-primary-foreground">
        Go to your home page
      </Link>
    </main>
  );
}
