import { Alert } from "@navikt/ds-react";
import { useEffect, useRef, useState } from "react";

/**
 * A success message that takes the focus once shown (the button that led to it may be gone); `initial`
 * is said at once (a message from the page before).
 */
export function useMessage(initial: string | null = null) {
  const [message, setMessage] = useState<string | null>(initial);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  const ui = (
    <div aria-live="polite">
      {message && (
        <Alert variant="success" size="small" ref={ref} tabIndex={-1} className="logged-message">
          {message}
        </Alert>
      )}
    </div>
  );
  return { setMessage, ui };
}
