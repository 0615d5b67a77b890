import "server-only";
import { refresh } from "next/cache";

/**
 * What a save re-renders, in one place (issue 15): once.
 *
 * A server action whose user stays on the page calls `refreshAfterSave()` after its verb wrote; the form
 * that called it does not `router.refresh()` as well. An action whose user moves on (the form navigates
 * with router.push/replace, or the action redirects) calls nothing: the navigation renders the next page.
 *
 * Why: in Next 16 an action that calls `refresh()` (or `revalidatePath()`, `updateTag()`) gets the page the
 * user is on re-rendered on the server, from the root, and sent back in the action's own response ("a
 * single response carries data and UI"). A `router.refresh()` after it rendered that page a second time;
 * a navigation after it rendered the page being left for nobody.
 *
 * Why `refresh()` and not `revalidatePath(path)`: every page these actions feed is dynamic (it reads the
 * session; the (clinic) layout is force-dynamic) and no data goes through Next's caches, so there is nothing
 * on the server to invalidate. Any other page reads the database again on its next visit, whichever path
 * an action names. `revalidatePath(x)` re-renders the current page whatever x is (Next 16.4's source leaves
 * matching the path for later); on top, it writes soft-tag invalidations for x (every page under x with
 * "layout") and makes the client throw away its whole prefetch cache. `refresh()` is the documented tool
 * for a view that "depends on state outside the cache that the action just changed": the current page,
 * nothing else. It never touches the root layout's tag, so the tablet's static shells (CSP hashes from the
 * build) are not regenerated either.
 *
 * If a page ever caches what an action changes ("use cache", a cached fetch), that action also calls
 * updateTag()/revalidatePath() for exactly that data.
 */
export function refreshAfterSave(): void {
  refresh();
}
