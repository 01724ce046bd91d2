import { useState } from "react";
import { messageOf } from "../../../components/board/labels";

/**
 * A change to the board document that the document may refuse: `attempt` makes it and clears the
 * error, or keeps the refusal's message in `error` for the ErrorList beside the control (`setError` sets it
 * for controls that report their own refusals).
 */
export function useBoardChange() {
  const [error, setError] = useState<string | null>(null);
  const attempt = (change: () => void) => {
    try {
      change();
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return { error, setError, attempt };
}
