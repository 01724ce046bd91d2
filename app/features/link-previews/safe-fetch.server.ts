import { lookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import zlib from "node:zlib";
import { isAllowListed, refusalFor, type AllowedHost } from "./address-check";

/**
 * Fetches a web page for its link preview without letting the address reach anything private
 * (server-side request forgery). Each hop: http(s) only, on the usual ports; the host name is
 * resolved once, every address checked, and the connection made to the checked address (no second
 * lookup a DNS trick could answer differently); redirects followed by hand and checked the same
 * way; one deadline for the whole fetch; the body read up to a cap; only HTML accepted.
 */
export type SafeFetchOptions = {
  /** Hosts (host or host:port) fetched even though their address is not public. */
  allowHosts: readonly AllowedHost[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
};

/** The HTML of a page, and the address it was finally read from (after redirects). */
export type FetchedPage = { url: string; html: string };

/** A fetch the guard refused or that failed; `message` is the reason in plain words. */
export class FetchRefused extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const DEFAULTS = { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3 };

/** Fetches a page's HTML through the guard, or throws FetchRefused with the reason. */
export async function fetchPublicPage(raw: string, options: SafeFetchOptions): Promise<FetchedPage> {
  const limits = { ...DEFAULTS, ...options };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const seconds = Math.round(limits.timeoutMs / 1000);
  try {
    let url = parseUrl(raw);
    for (let hop = 0; ; hop++) {
      const address = await checkedAddress(url, limits.allowHosts, controller.signal);
      const res = await get(url, address, controller.signal);
      if (REDIRECTS.has(res.statusCode ?? 0)) {
        res.resume();
        if (hop >= limits.maxRedirects) throw new FetchRefused(`more than ${limits.maxRedirects} redirects`);
        const location = res.headers.location;
        if (!location) throw new FetchRefused("a redirect without an address");
        url = parseUrl(new URL(location, url).href);
        continue;
      }
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) {
        res.resume();
        throw new FetchRefused(`the site answered with status ${status}`);
      }
      const type = (res.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
      if (!HTML_TYPES.has(type)) {
        res.resume();
        throw new FetchRefused(`the address is not a web page (${type || "no content type"})`);
      }
      return { url: url.href, html: await readCapped(res, limits.maxBytes) };
    }
  } catch (error) {
    if (controller.signal.aborted) throw new FetchRefused(`the site took longer than ${seconds} seconds`);
    if (error instanceof FetchRefused) throw error;
    throw new FetchRefused(`the site could not be reached (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  } finally {
    clearTimeout(timer);
  }
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefused("not a web address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefused("only http and https are fetched");
  if (url.username || url.password) throw new FetchRefused("addresses with a user name or password are not fetched");
  return url;
}

/** Resolves the host once and checks every address it has; returns the one to connect to. */
async function checkedAddress(url: URL, allow: readonly AllowedHost[], signal: AbortSignal) {
  const allowed = isAllowListed(url, allow);
  if (!allowed && url.port !== "")
    throw new FetchRefused(`only the usual web ports are fetched (not port ${url.port})`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const family = isIP(host);
  const addresses = family
    ? [{ address: host, family }]
    : await abortable(lookup(host, { all: true, verbatim: true }), signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        throw new FetchRefused(`the site's name (${host}) could not be found`);
      });
  if (addresses.length === 0) throw new FetchRefused(`the site's name (${host}) could not be found`);
  if (!allowed) {
    for (const { address } of addresses) {
      const refusal = refusalFor(address);
      if (refusal) throw new FetchRefused(`the address leads to ${refusal}`);
    }
  }
  return addresses[0];
}

/** One GET to the checked address (the lookup hands back that address, never asking DNS again). */
function get(url: URL, address: { address: string; family: number }, signal: AbortSignal): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: "GET",
      signal,
      lookup: pinned,
      agent: false,
      headers: {
        "user-agent": "CommonsLinkPreview/1.0 (a resource playlist's link preview)",
        accept: "text/html,application/xhtml+xml;q=0.9",
        "accept-encoding": "gzip, deflate, br",
      },
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
}

/** Reads the body (decompressed) up to `maxBytes`, stopping the download beyond it. */
function readCapped(res: IncomingMessage, maxBytes: number): Promise<string> {
  const tooBig = () => new FetchRefused(`the page is larger than ${Math.round(maxBytes / 1_000_000)} MB`);
  if (Number(res.headers["content-length"] ?? 0) > maxBytes) {
    res.destroy();
    return Promise.reject(tooBig());
  }
  const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
  const decoder =
    encoding === "gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : null;
  const body = decoder ? res.pipe(decoder) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        decoder?.destroy();
        reject(tooBig());
        return;
      }
      chunks.push(chunk);
    });
    body.on("end", () => resolve(decode(Buffer.concat(chunks), String(res.headers["content-type"] ?? ""))));
    body.on("error", reject);
    res.on("error", reject);
  });
}

/** The body as text in the charset the server named (UTF-8 when it named none or an unknown one). */
function decode(bytes: Buffer, contentType: string) {
  const charset = /charset="?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** A promise that rejects when the signal aborts (dns.lookup cannot be cancelled itself). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
