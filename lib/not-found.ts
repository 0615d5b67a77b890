import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** Pages: a record outside the actor's scope renders the 404 page (DESIGN rule 8), never an error page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
