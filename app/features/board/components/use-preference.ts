import { useCallback, useEffect, useState } from "react";

/**
 * A per-person view setting kept in this browser only (collapsed groups, note colours, the timer's
 * sound): it changes nothing for the others on the board. The server renders the default.
 */
export function usePreference<T extends string>(key: string, fallback: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    const stored = window.localStorage.getItem(`commons:${key}`);
    if (stored !== null) setValue(stored as T);
  }, [key]);
  const set = useCallback(
    (next: T) => {
      setValue(next);
      window.localStorage.setItem(`commons:${key}`, next);
    },
    [key],
  );
  return [value, set];
}
