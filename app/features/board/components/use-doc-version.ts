import { useEffect, useState } from "react";
import type * as Y from "yjs";

/**
 * A number that changes once per change to the document (local or remote). The board derives its
 * lists from the document with this as the memo key, so presence and save-status updates (which
 * also re-render the page) do not make it read 200 notes again.
 */
export function useDocVersion(doc: Y.Doc): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    doc.on("update", bump);
    return () => doc.off("update", bump);
  }, [doc]);
  return version;
}
