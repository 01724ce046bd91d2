/**
 * One measured drag on the board: in the dragging person's page a pointer drag (press, move in
 * steps, release) takes the first note of one category to the top of another; the watching
 * person's page records when that note first appears inside the target category. Both times are
 * read in the pages themselves with `Date.now()` (one machine, one wall clock; each profile is its
 * own browser process, whose `performance.timeOrigin` may differ): at the pointerup in the dragger,
 * and from a MutationObserver in the watcher.
 */
import type { Page } from "playwright-core";

const NOTE = "[data-note-id]";
const category = (name: string) => `[data-category="${name}"]`;

// Scripts as strings: tsx would wrap named functions in a helper that does not exist in the page.
const WATCHER = `(() => {
  window.__seen = new Map();
  window.__want = null;
  new MutationObserver(() => {
    const want = window.__want;
    if (!want || window.__seen.has(want.id)) return;
    if (document.querySelector('[data-category="' + want.cat + '"] [data-note-id="' + want.id + '"]'))
      window.__seen.set(want.id, Date.now());
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
})()`;
const DRAGGER = `window.addEventListener("pointerup", (e) => (window.__dropAt = Date.now()), true)`;

/** Installs the watcher's recorder once per page load. */
export const installWatcher = (page: Page) => page.evaluate(WATCHER);

/** Installs the dragger's recorder of the last pointerup (the moment the person lets go). */
export const installDragger = (page: Page) => page.evaluate(DRAGGER);

/** Drags the first note of `from` to the top of `to`; returns the milliseconds until the watcher saw it there. */
export async function measureDrag(dragger: Page, watcher: Page, from: string, to: string): Promise<number> {
  const source = dragger.locator(`${category(from)} ${NOTE}`).first();
  const id = await source.getAttribute("data-note-id");
  if (!id) throw new Error(`no note in ${from}`);
  await watcher.evaluate(
    ({ id, cat }) => {
      // The same note goes back and forth between two categories: forget when it was last seen.
      const w = window as unknown as { __want: { id: string; cat: string }; __seen: Map<string, number> };
      w.__seen.delete(id);
      w.__want = { id, cat };
    },
    { id, cat: to },
  );
  // As a person drags: by the note's handle, a few pixels to start, a pause while the library
  // measures the drop areas, then across to the target and a small settle before letting go.
  const grip = dragger.locator(`[data-note-id="${id}"] [id^="handle-"]`);
  await grip.scrollIntoViewIfNeeded();
  const a = await grip.boundingBox();
  if (!a) throw new Error("the note's handle is not on screen");
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  await dragger.mouse.move(start.x, start.y);
  await dragger.mouse.down();
  await dragger.mouse.move(start.x + 12, start.y + 12, { steps: 4 });
  await dragger.waitForTimeout(100);
  const targetBox = await dragger.locator(category(to)).boundingBox();
  if (!targetBox) throw new Error(`the category ${to} is not on screen`);
  const end = { x: targetBox.x + targetBox.width / 2, y: targetBox.y + Math.min(targetBox.height / 2, 40) };
  await dragger.mouse.move(end.x, end.y, { steps: 20 });
  await dragger.mouse.move(end.x + 2, end.y + 2, { steps: 2 });
  await dragger.waitForTimeout(100);
  await dragger.mouse.up();
  const seen = await watcher.waitForFunction(
    (id) => (window as unknown as { __seen: Map<string, number> }).__seen.get(id) ?? null,
    id,
    { timeout: 10_000, polling: "raf" },
  );
  const seenAt = (await seen.jsonValue()) as number;
  const dropAt = await dragger.evaluate(() => (window as unknown as { __dropAt: number }).__dropAt);
  return seenAt - dropAt;
}
