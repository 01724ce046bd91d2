import { useSearchParams } from "@remix-run/react";
import { useEffect } from "react";

/** How long to wait for the board to arrive over its socket before giving up on the note. */
const WAIT_MS = 10_000;

/**
 * Opens the board at the note a search result points to (`?note=<id>`): once the note is on the
 * page (the board arrives over its socket after the page loads), it is scrolled into view, outlined
 * and given focus, so a keyboard or screen-reader user lands on it too. A note that has been deleted
 * since is simply not found: the board is shown as usual.
 */
export function NoteFromAddress() {
  const [params] = useSearchParams();
  const noteId = params.get("note");
  useEffect(() => {
    if (!noteId) return;
    const find = () =>
      [...document.querySelectorAll<HTMLElement>("[data-note-id]")].find((el) => el.dataset.noteId === noteId);
    const show = (note: HTMLElement) => {
      note.setAttribute("tabindex", "-1");
      note.dataset.searchTarget = "true";
      note.style.outline = "3px solid #b45309";
      note.style.outlineOffset = "2px";
      note.scrollIntoView({ block: "center" });
      note.focus({ preventScroll: true });
    };
    const found = find();
    if (found) return show(found);
    const observer = new MutationObserver(() => {
      const note = find();
      if (!note) return;
      observer.disconnect();
      show(note);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [noteId]);
  return null;
}
