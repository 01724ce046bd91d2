import type { Database } from "../../../db/client";
import { getLinkPreviews, saveLinkPreview, type LinkPreviewRow } from "../../../db/queries/link-previews";
import type { Logger } from "../../utils/logger.server";
import type { AllowedHost } from "./address-check";
import { previewKey, type LinkPreview } from "./preview-key";
import { fetchPublicPage, FetchRefused } from "./safe-fetch.server";
import { readPreview } from "./unfurl.server";

/**
 * Link previews, cached in the database: a page's preview is fetched once (through the SSRF guard),
 * shown from the cache after that, fetched again a week later, and a failure is tried again after
 * an hour rather than on every view. Two requests for the same address at once share one fetch.
 */
export type PreviewDeps = {
  db: Database;
  logger: Logger;
  allowHosts: readonly AllowedHost[];
  /** Tests swap the clock. */
  now?: () => Date;
};

export const PREVIEW_FRESH_MS = 7 * 86_400_000;
export const FAILED_RETRY_MS = 3_600_000;
/** At most this many addresses fetched per call, a few at a time, so one page never floods the network. */
export const MAX_FETCHES_PER_CALL = 10;
const PARALLEL = 4;

const inFlight = new Map<string, Promise<LinkPreviewRow>>();

const toPreview = ({ fetchedAt: _fetchedAt, ...row }: LinkPreviewRow): LinkPreview => row;

/** The cached previews of these addresses (no fetching), by normalised address. */
export async function cachedPreviews(db: Database, urls: readonly string[]): Promise<Record<string, LinkPreview>> {
  const keys = urls.map(previewKey).filter((k): k is string => k !== null);
  const rows = await getLinkPreviews(db, keys);
  return Object.fromEntries([...rows].map(([url, row]) => [url, toPreview(row)]));
}

/**
 * The previews of these addresses: from the cache when fresh; otherwise fetched now (up to
 * MAX_FETCHES_PER_CALL), waiting at most `waitMs` for them. A fetch still running then finishes in
 * the background and fills the cache; a stale preview is shown meanwhile.
 */
export async function ensurePreviews(
  deps: PreviewDeps,
  urls: readonly string[],
  { waitMs }: { waitMs: number },
): Promise<Record<string, LinkPreview>> {
  const now = (deps.now ?? (() => new Date()))();
  const keys = [...new Set(urls.map(previewKey).filter((k): k is string => k !== null))];
  const cached = await getLinkPreviews(deps.db, keys);
  const due = keys.filter((k) => isDue(cached.get(k), now)).slice(0, MAX_FETCHES_PER_CALL);
  const fetched = new Map<string, LinkPreviewRow>();
  // Never rejects: a fetch still running after the wait must not become an unhandled rejection.
  const work = inBatches(due, PARALLEL, async (key) => {
    try {
      fetched.set(key, await fetchOnce(deps, key));
    } catch (error) {
      deps.logger.warn("link preview not stored", { url: key, error: String(error) });
    }
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  const out: Record<string, LinkPreview> = {};
  for (const key of keys) {
    const row = fetched.get(key) ?? cached.get(key);
    if (row) out[key] = toPreview(row);
  }
  return out;
}

/** Starts fetching these addresses' previews and returns at once (a write that must not wait on the network). */
export function prefetchPreviews(deps: PreviewDeps, urls: readonly string[]) {
  ensurePreviews(deps, urls, { waitMs: 0 }).catch((error: unknown) =>
    deps.logger.warn("link preview prefetch failed", { error: String(error) }),
  );
}

function isDue(row: LinkPreviewRow | undefined, now: Date) {
  if (!row) return true;
  const age = now.getTime() - row.fetchedAt.getTime();
  return age > (row.status === "ok" ? PREVIEW_FRESH_MS : FAILED_RETRY_MS);
}

/** Fetches and stores one address's preview, sharing a fetch already under way. */
function fetchOnce(deps: PreviewDeps, key: string): Promise<LinkPreviewRow> {
  const running = inFlight.get(key);
  if (running) return running;
  const job = fetchAndStore(deps, key).finally(() => inFlight.delete(key));
  inFlight.set(key, job);
  return job;
}

async function fetchAndStore(deps: PreviewDeps, url: string): Promise<LinkPreviewRow> {
  const fetchedAt = (deps.now ?? (() => new Date()))();
  const empty = { title: null, description: null, imageUrl: null, siteName: null };
  let row: LinkPreviewRow;
  try {
    const page = await fetchPublicPage(url, { allowHosts: deps.allowHosts });
    row = { url, status: "ok", reason: null, ...(await readPreview(page)), fetchedAt };
  } catch (error) {
    const reason = error instanceof FetchRefused ? error.message : "the page could not be read";
    deps.logger.info("link preview not fetched", { url, reason });
    row = { url, status: "failed", reason, ...empty, fetchedAt };
  }
  await saveLinkPreview(deps.db, row);
  return row;
}

/** Runs `task` over the items, `parallel` at a time. */
async function inBatches<T>(items: T[], parallel: number, task: (item: T) => Promise<void>) {
  const queue = [...items];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await task(next);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, worker));
}
