import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { getBoardSettings, listNotes } from "../../collab/documents/root-cause-board";
import { createDatabaseStore } from "../../collab/store";
import type { RunningCommons } from "../../server/start";
import { describeBrowser, newPeople, startBrowserApp, waitForHydration, type Person } from "../support/browser";
import { makeCommunityWithPeople } from "../support/factories";

const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();

/**
 * The server's write rules seen from the page (ADR 024): a leader adds a note while offline, the
 * facilitator locks the board meanwhile; when the leader comes back, the server refuses the note
 * (the board was locked), and the page says so in plain words and shows the board as it is.
 */
describeBrowser("a change the server refuses, as the person who made it sees it", () => {
  let app: RunningCommons;
  let ada: Person;
  let fay: Person;
  let docName: string;

  const openBoard = async ({ page }: Person) => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("link", { name: "Riverside", exact: true }).first().click();
    await page.getByRole("navigation", { name: "Inquiry steps" }).getByRole("link", { name: "4. Root causes" }).click();
    await page.getByRole("heading", { level: 1, name: "Riverside: root causes" }).waitFor();
    await waitForHydration(page);
    await waitForStatus(page, "saved");
  };

  beforeAll(async () => {
    // Exactly one refusal: the offline note made on a board that was locked meanwhile.
    app = await startBrowserApp({}, { refusalsExpected: 1 });
    const { community, people } = await makeCommunityWithPeople(app.services.db);
    docName = documentName("root-cause-board", community.id);
    [ada, fay] = await newPeople(app.url, [people.ada.email, people.fay.email]);
    await Promise.all([openBoard(ada), openBoard(fay)]);
  });
  afterAll(async () => {
    await Promise.all([ada?.close(), fay?.close()]);
    await app?.close();
  });

  it("says why the change was not kept, undoes it on the page, and carries on from the server's board", async () => {
    await ada.page.getByLabel("A possible cause").fill("Kept before going offline");
    await ada.page.getByRole("button", { name: "Add note" }).click();
    await waitForStatus(ada.page, "saved");

    await ada.page.context().setOffline(true);
    await waitForStatus(ada.page, "offline");
    await ada.page.getByLabel("A possible cause").fill("Written offline");
    await ada.page.getByRole("button", { name: "Add note" }).click();
    await ada.page.getByRole("listitem").filter({ hasText: "Written offline" }).waitFor();

    await fay.page.getByRole("button", { name: "Lock the board" }).click();
    await waitForStatus(fay.page, "saved");

    await ada.page.context().setOffline(false);
    const notice = ada.page.getByTestId("refused-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /not allowed here, so it was not kept\. The facilitator has locked the board\./,
    );
    await ada.page.getByText("The facilitator has locked the board").first().waitFor();
    await ada.page.getByRole("listitem").filter({ hasText: "Written offline" }).waitFor({ state: "detached" });
    await ada.page.getByRole("listitem").filter({ hasText: "Kept before going offline" }).waitFor();
    await waitForStatus(ada.page, "saved");

    const stored = new Y.Doc();
    await createDatabaseStore(app.services.db).load(docName, stored);
    expect(listNotes(stored).map((n) => n.text)).toEqual(["Kept before going offline"]);
    expect(getBoardSettings(stored).locked).toBe(true);

    // Reloading does not bring the refused note back from the browser's own copy.
    await ada.page.reload();
    await waitForHydration(ada.page);
    await waitForStatus(ada.page, "saved");
    expect(await ada.page.getByRole("listitem").filter({ hasText: "Written offline" }).count()).toBe(0);

    // Once the facilitator unlocks, the same person's next note is kept as usual.
    await fay.page.getByRole("button", { name: "Unlock the board" }).click();
    await ada.page.getByRole("button", { name: "Add note" }).and(ada.page.locator(":enabled")).waitFor();
    await ada.page.getByLabel("A possible cause").fill("After the unlock");
    await ada.page.getByRole("button", { name: "Add note" }).click();
    await fay.page.getByRole("listitem").filter({ hasText: "After the unlock" }).waitFor();
  });
});
