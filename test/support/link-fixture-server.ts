import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/**
 * A local web site for link-preview tests (bound to 127.0.0.1, port 0): a page with Open Graph
 * tags and its image, and the pages the guard must refuse: redirects to private addresses, a slow
 * page, a huge page, a PDF. It counts the requests per path, so a test can tell a cached preview
 * from a fresh fetch.
 */
export type LinkFixtureServer = {
  origin: string;
  /** host:port, as LINK_PREVIEW_ALLOW_HOSTS takes it. */
  hostPort: string;
  hits: Map<string, number>;
  close(): Promise<void>;
};

/** The preview the fixture page declares. */
export const fixturePage = {
  title: "Family partnership toolkit",
  description: "Six conversations that help families and schools plan together.",
  siteName: "Fixture Learning Hub",
};

const pageHtml = (title = fixturePage.title) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Ignored when og:title is present</title>
<meta property="og:title" content="${title}">
<meta property="og:description" content="${fixturePage.description}">
<meta property="og:site_name" content="${fixturePage.siteName}">
<meta property="og:image" content="/image.svg">
</head><body><h1>${title}</h1></body></html>`;

const imageSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="315" viewBox="0 0 600 315">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f766e"/><stop offset="1" stop-color="#1e3a8a"/></linearGradient></defs>
<rect width="600" height="315" fill="url(#g)"/>
<circle cx="470" cy="90" r="60" fill="#fbbf24" opacity="0.9"/>
<text x="40" y="250" font-family="sans-serif" font-size="40" font-weight="bold" fill="#fff">Families and schools</text>
</svg>`;

/** Starts the fixture site; `close()` stops it. */
export async function startLinkFixtureServer(): Promise<LinkFixtureServer> {
  const hits = new Map<string, number>();
  let origin = "";
  const html = (res: ServerResponse, body: string) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const redirect = (to: string) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    switch (url.pathname) {
      case "/image.svg":
        res.writeHead(200, { "content-type": "image/svg+xml" });
        return res.end(imageSvg);
      case "/to-private":
        return redirect("http://10.0.0.7/admin");
      case "/to-metadata":
        return redirect("http://169.254.169.254/latest/meta-data/");
      case "/to-localhost":
        // Same server, but by a name that is not on the allow-list: refused as loopback.
        return redirect(`http://localhost/page`);
      case "/hops": {
        const left = Number(url.searchParams.get("n") ?? 0);
        return redirect(left > 0 ? `/hops?n=${left - 1}` : "/page");
      }
      case "/slow":
        // Answers at once, then trickles the body for longer than the guard waits.
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<!doctype html><html><head>");
        {
          const drip = setInterval(() => res.write("<!-- still here -->"), 500);
          setTimeout(() => {
            clearInterval(drip);
            res.end("</head></html>");
          }, 7_000);
          res.on("close", () => clearInterval(drip));
        }
        return;
      case "/huge":
        // No content-length: the guard must stop the download itself past 1 MB.
        res.writeHead(200, { "content-type": "text/html" });
        for (let i = 0; i < 40 && !res.destroyed; i++) res.write(`<p>${"x".repeat(64 * 1024)}</p>`);
        return res.end();
      case "/report.pdf":
        res.writeHead(200, { "content-type": "application/pdf" });
        return res.end("%PDF-1.4 not a web page");
      case "/gzip":
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        return res.end(gzipSync(pageHtml("Compressed page")));
      default:
        // Any other path is the page itself, so each test can use an address of its own.
        return html(res, pageHtml(url.searchParams.get("title") ?? undefined));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    hostPort: `127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
