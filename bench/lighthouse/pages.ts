/**
 * The pages Lighthouse measures, found the way a person finds them: Chromium signs in through the
 * form as each demo role and reads the addresses off the header menu and the lists, so the bench
 * needs no database access and follows the app as it changes.
 */
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "./app";

export type Target = { name: string; role: string | null; path: string };

export const ROLES = ["admin", "facilitator1", "sip1", "head1", "governor1"].map((r) => `${r}@demo.test`);

/** Signs in through the form as `email` (any earlier session dropped first). */
export async function signIn(context: BrowserContext, page: Page, baseUrl: string, email: string | null) {
  await context.clearCookies();
  if (!email) return;
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl}/dashboard`);
}

const REPORT = /^\/schools\/[0-9a-f-]{36}\/reports\/[0-9a-f-]{36}$/;

/** The plan of head1's school: "My school" in the header, then its plan link. */
async function planPath(page: Page): Promise<string> {
  const school = await page
    .locator("header nav[aria-label='Main']:visible")
    .getByRole("link", { name: "My school" })
    .getAttribute("href");
  if (!school) throw new Error("head1 has no My school link in the header");
  return `${school}/plan`;
}

/** A report sip1 has shared (not a draft), from their Reports list; a draft if none is shared. */
async function reportPath(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/reports`);
  const links = await page.locator("main a[href]").evaluateAll((as) =>
    as.map((a) => ({
      href: a.getAttribute("href") ?? "",
      row: (a.closest("li, tr") ?? a).textContent ?? "",
    })),
  );
  const reports = links.filter((l) => REPORT.test(l.href));
  const shared = reports.find((l) => !/draft/i.test(l.row)) ?? reports[0];
  if (!shared) throw new Error("sip1's Reports page lists no report");
  return shared.href;
}

/**
 * A community's shared surfaces as facilitator1 reaches them: Communities in the header, the first
 * community, then the board, "How might we…" and playlist links of its step navigation.
 */
async function sharedSurfacePaths(page: Page, baseUrl: string): Promise<Target[]> {
  await page.goto(`${baseUrl}/communities`);
  const community = await page.locator("main a[href^='/communities/']").first().getAttribute("href");
  if (!community) throw new Error("facilitator1's Communities page lists no community");
  await page.goto(baseUrl + community);
  const steps = page.getByRole("navigation", { name: "Inquiry steps" });
  const hrefOf = async (name: RegExp) => {
    const href = await steps.getByRole("link", { name }).first().getAttribute("href");
    if (!href) throw new Error(`the community's steps have no link named ${name}`);
    return href;
  };
  const role = "facilitator1@demo.test";
  return [
    { name: "Root-cause board (facilitator1)", role, path: await hrefOf(/Root causes/) },
    { name: "How might we… (facilitator1)", role, path: await hrefOf(/How might we/) },
    { name: "Playlist (facilitator1)", role, path: await hrefOf(/^Playlist/) },
  ];
}

/** Every page measured, with the role it is measured as (null: signed out). */
export async function findTargets(context: BrowserContext, page: Page, baseUrl: string): Promise<Target[]> {
  const targets: Target[] = [{ name: "Sign-in page", role: null, path: "/login" }];
  for (const email of ROLES) targets.push({ name: `Home: ${email.split("@")[0]}`, role: email, path: "/dashboard" });
  await signIn(context, page, baseUrl, "head1@demo.test");
  targets.push({
    name: "Improvement plan (head1's school)",
    role: "head1@demo.test",
    path: await planPath(page),
  });
  await signIn(context, page, baseUrl, "sip1@demo.test");
  targets.push({ name: "Report (shared by sip1)", role: "sip1@demo.test", path: await reportPath(page, baseUrl) });
  await signIn(context, page, baseUrl, "facilitator1@demo.test");
  targets.push(...(await sharedSurfacePaths(page, baseUrl)));
  return targets;
}
