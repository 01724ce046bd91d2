import type { ReactNode } from "react";

type Props = {
  /** What was just done; nothing is shown without it. */
  children: ReactNode;
  /** Space above the note (e.g. "mt-3"), when the page needs it. */
  margin?: string;
  padding?: "p-2" | "p-3";
};

/** The note that says an action worked ("Moved.", "The round is closed."), read out as a status. */
export function StatusMessage({ children, margin, padding = "p-3" }: Props) {
  if (!children) return null;
  return (
    <p role="status" className={`${margin ? `${margin} ` : ""}rounded bg-brand-50 ${padding} text-sm text-brand-800`}>
      {children}
    </p>
  );
}
