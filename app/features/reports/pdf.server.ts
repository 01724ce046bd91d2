/**
 * PDFs rendered by a real engine: headless Chromium driven by playwright-core. One browser is
 * launched on the first request and shared; it closes itself after a minute without work (and with
 * the process), so nothing needs wiring into shutdown. If Chromium (or playwright-core, a
 * development dependency) is missing, `renderPdf` throws PdfUnavailableError and the route answers 503.
 */
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

/** The same place the test suite looks (test/support/services.ts): CHROMIUM_PATH when set, else the Debian package's path. */
export function chromiumExecutable(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? null;
}

export class PdfUnavailableError extends Error {}

const IDLE_MS = 60_000;
const RENDER_TIMEOUT_MS = 20_000;
let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;

async function launch(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  if (!executablePath) throw new PdfUnavailableError("Chromium is not installed on this server.");
  let chromium;
  try {
    ({ chromium } = await import("playwright-core"));
  } catch {
    throw new PdfUnavailableError("playwright-core is not installed on this server.");
  }
  const launched = await chromium
    .launch({
      executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    })
    .catch((error: unknown) => {
      throw new PdfUnavailableError(
        `Chromium could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  launched.on("disconnected", () => {
    browser = null;
  });
  return launched;
}

function getBrowser(): Promise<Browser> {
  browser ??= launch().catch((error: unknown) => {
    browser = null;
    throw error;
  });
  return browser;
}

function closeWhenIdle() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void closePdfBrowser(), IDLE_MS);
  idleTimer.unref();
}

/** Closes the shared browser (idle timeout, shutdown, tests). */
export async function closePdfBrowser() {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const open = browser;
  browser = null;
  if (open) await (await open.catch(() => null))?.close().catch(() => {});
}

/**
 * Runs `work` on a fresh page of the shared browser with JavaScript off and every network request
 * refused, so a page can only show the document it is given; the page's context is closed after.
 * Other renderers beside this one (the board's PNG) use it rather than a browser of their own.
 */
export async function withOfflinePage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  const instance = await getBrowser();
  const context = await instance.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    await page.route("**/*", (route) => route.abort());
    return await work(page);
  } finally {
    await context.close().catch(() => {});
    closeWhenIdle();
  }
}

/**
 * Renders a complete, self-contained HTML document (inline styles, no scripts, nothing fetched) to
 * a PDF. Page size, margins, running header and page numbers come from the document's own @page
 * rules (the same stylesheet prints the page in a browser); `outline` adds bookmarks for its headings,
 * which is also how a first rendering tells on which page each section starts.
 */
export function renderPdf(html: string, options: { outline?: boolean } = {}): Promise<Buffer> {
  return withOfflinePage(async (page) => {
    await page.setContent(html, { waitUntil: "load" });
    return page.pdf({
      format: "A4",
      preferCSSPageSize: true,
      printBackground: true,
      outline: options.outline ?? true,
      tagged: true,
    });
  });
}
