import { useLocation, useMatches } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { previewKey, type LinkPreview } from "../link-previews/preview-key";

type Reply = { ok: boolean; previews?: Record<string, LinkPreview>; waiting?: string[] };

/** How long before asking again for previews the server was still fetching. */
const RETRY_MS = 4_000;
/** Addresses asked for in one request (the server fetches at most 10 per call). */
const BATCH = 10;
/** An address is asked for at most this many times per page view. */
const MAX_ASKS = 3;

/**
 * The link previews of the listed addresses: the loader's cached ones at once, then the missing
 * ones asked of the page's action ("previews") after the page has drawn, off the loader's path.
 * An address is asked for once (again, a few seconds later, when the server was still fetching or
 * a reader's saved playlist did not have it yet); a failure comes back as a preview with status
 * "failed" and the card keeps its plain link.
 *
 * A plain fetch of the route's action (Remix's `_data` request), not a fetcher: a fetcher's
 * submission would interrupt the page's reload after another form (approving a suggestion), and
 * asking for previews changes nothing the page's loader reads.
 */
export function useLinkPreviews(initial: Record<string, LinkPreview>, urls: readonly string[]) {
  const [previews, setPreviews] = useState(initial);
  // Per address: how often it was asked for, and when last.
  const asked = useRef(new Map<string, { times: number; at: number }>());
  const busy = useRef(false);
  const [tick, setTick] = useState(0);
  const routeId = useMatches().at(-1)?.id ?? "";
  const { pathname } = useLocation();

  // The loader's cache, read again after another form on the page, adds to what is known.
  useEffect(() => setPreviews((p) => ({ ...initial, ...p })), [initial]);

  useEffect(() => {
    if (busy.current) return;
    const now = Date.now();
    const due = (k: string) => {
      const last = asked.current.get(k);
      return !last || (last.times < MAX_ASKS && now - last.at >= RETRY_MS);
    };
    const missing = [...new Set(urls.map(previewKey))].filter((k): k is string => k !== null && !previews[k] && due(k));
    if (missing.length === 0) return;
    const batch = missing.slice(0, BATCH);
    for (const k of batch) asked.current.set(k, { times: (asked.current.get(k)?.times ?? 0) + 1, at: now });
    const form = new FormData();
    form.set("intent", "previews");
    for (const k of batch) form.append("url", k);
    busy.current = true;
    fetch(`${pathname}?_data=${encodeURIComponent(routeId)}`, { method: "POST", body: form })
      .then((res) => (res.ok ? (res.json() as Promise<Reply>) : null))
      .catch(() => null)
      .then((reply) => {
        busy.current = false;
        const got = reply?.previews ?? {};
        setPreviews((p) => ({ ...p, ...got }));
        // Anything not answered yet (still being fetched, or not yet saved) is asked for again soon;
        // `due` stops after MAX_ASKS. The tick also sends the next batch of a long playlist.
        const again = batch.some((k) => !got[k]) || missing.length > batch.length;
        if (again) setTimeout(() => setTick((t) => t + 1), missing.length > batch.length ? 0 : RETRY_MS);
      });
  }, [urls, previews, tick, pathname, routeId]);

  return previews;
}
