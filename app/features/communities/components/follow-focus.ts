import type { Place } from "../../../../collab/documents/community-room";

/** The heading a place starts with: its section's heading (the section's label), else the page's h1. */
function headingOf(place: Place): HTMLElement | null {
  if (!place.section) return document.querySelector<HTMLElement>("main h1");
  const section = document.getElementById(place.section);
  if (!section) return null;
  const labelledBy = section.getAttribute("aria-labelledby");
  return (labelledBy && document.getElementById(labelledBy)) || section.querySelector<HTMLElement>("h2, h3") || section;
}

/**
 * Moves keyboard and screen-reader focus to the place's heading once the page shows it (a shared
 * document's sections appear only after it opens), falling back to the page's h1 after `waitMs`.
 * Calls `done` after focusing (not at all if the page never shows a heading). Returns a function that cancels the wait.
 */
export function focusPlace(place: Place, done: () => void, waitMs = 3000): () => void {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attempt = () => {
    const elapsed = Date.now() - started;
    const target = headingOf(place) ?? (elapsed > waitMs ? headingOf({ ...place, section: null }) : null);
    if (!target) {
      if (elapsed < waitMs * 2) timer = setTimeout(attempt, 50);
      return;
    }
    // Headings are not focusable by default; -1 lets a script focus them without adding a Tab stop.
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
    done();
  };
  attempt();
  return () => clearTimeout(timer);
}
