/**
 * One measured drag on the board: in the dragging person's page a pointer drag (press, move in
 * steps, release) takes the first note of one category to the top of another; the watching
 * person's page records when that note first appears inside the target category. Both times are
 * read in the pages themselves (`performance.timeOrigin + now`, one machine, one clock): the
 * pointerup event's own timestamp in the dragger, a MutationObserver in the watcher.
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
      window.__seen.set(want.id, performance.timeOrigin + performance.now());
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
})()`;
const DRAGGER = `window.addEventListener("pointerup", (e) => (window.__dropAt = performance.timeOrigin + e.timeStamp), true)`;

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
      (window as unknown as { __want: { id: string; cat: string } }).__want = { id, cat };
    },
    { id, cat: to },
  );
  await source.scrollIntoViewIfNeeded();
  const a = await source.boundingBox();
  const targetBox = await dragger.locator(category(to)).boundingBox();
  if (!a || !targetBox) throw new Error("the note or the category is not on screen");
  const start = { x: a.x + a.width / 2, y: a.y + Math.min(a.height / 2, 20) };
  const end = { x: targetBox.x + targetBox.width / 2, y: targetBox.y + 60 };
  await dragger.mouse.move(start.x, start.y);
  await dragger.mouse.down();
  await dragger.mouse.move(start.x + 12, start.y + 6, { steps: 3 }); // past the drag's activation distance
  await dragger.mouse.move(end.x, end.y, { steps: 12 });
  await dragger.waitForTimeout(60); // let the drop target settle, as a hand would pause
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
