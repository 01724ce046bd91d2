/**
 * On which page each numbered heading of a Chromium PDF starts, read from the PDF's bookmarks
 * (outline: each entry's title and the page its destination points at). This is how the report's
 * contents get page numbers: render once, read the pages here, render again with them. Chromium
 * (Skia) writes plain objects, no object streams, so the dictionaries can be read as text.
 */

function objectsOf(pdf: Buffer): Map<string, string> {
  const objects = new Map<string, string>();
  for (const m of pdf.toString("latin1").matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1], m[2]);
  return objects;
}

/** The page objects in reading order (the page tree may nest). */
function pageOrder(objects: Map<string, string>): string[] {
  const catalog = [...objects.values()].find((dict) => /\/Type\s*\/Catalog/.test(dict));
  const root = catalog && /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  const walk = (id: string, depth: number): string[] => {
    const dict = objects.get(id) ?? "";
    if (depth > 32 || !/\/Type\s*\/Pages\b/.test(dict)) return [id];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? "";
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => walk(k[1], depth + 1));
  };
  return root ? walk(root, 0) : [];
}

/** The start of a PDF text string: a literal "(…)" or UTF-16BE hex "<FEFF…>". */
function titleText(dict: string): string | null {
  const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(dict)?.[1];
  if (hex !== undefined) return String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  return /\/Title\s*\(((?:\\.|[^\\)])*)/.exec(dict)?.[1] ?? null;
}

/** Heading number → page (1-based), for the outline entries whose title starts "N. ". */
export function numberedHeadingPages(pdf: Buffer): Map<number, number> {
  const objects = objectsOf(pdf);
  const pageIndex = new Map(pageOrder(objects).map((id, i) => [id, i + 1]));
  const pages = new Map<number, number>();
  for (const dict of objects.values()) {
    const target = /\/Dest\s*\[\s*(\d+) 0 R/.exec(dict)?.[1];
    const number = Number(/^(\d+)\.\s/.exec(titleText(dict) ?? "")?.[1]);
    const page = target ? pageIndex.get(target) : undefined;
    if (page && number && !pages.has(number)) pages.set(number, page);
  }
  return pages;
}
