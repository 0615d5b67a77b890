import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server render and during hydration, true once React has hydrated this part of the page
 * (and at once for components mounted later, e.g. after a client-side navigation). Use it to keep a
 * control disabled until its handler can run, so a tap on a slow tablet is not silently lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
