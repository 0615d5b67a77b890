"use client";

import { useCallback, useEffect, useId, useState } from "react";
import type { FormStatus } from "./form-message";

const EVENT = "theratrack:form-status";

/**
 * A form's message, one per page: when any form on the page shows a new message, the others clear theirs,
 * so an old success banner never stands beside a new error (issue 13 item 6). Same API as useState.
 */
export function useFormStatus(): [FormStatus, (status: FormStatus) => void] {
  const id = useId();
  const [status, setStatus] = useState<FormStatus>(null);
  useEffect(() => {
    const clear = (e: Event) => {
      if ((e as CustomEvent<string>).detail !== id) setStatus(null);
    };
    window.addEventListener(EVENT, clear);
    return () => window.removeEventListener(EVENT, clear);
  }, [id]);
  const set = useCallback(
    (next: FormStatus) => {
      if (next) window.dispatchEvent(new CustomEvent(EVENT, { detail: id }));
      setStatus(next);
    },
    [id],
  );
  return [status, set];
}
