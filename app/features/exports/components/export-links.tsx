/**
 * Download links for an export, grouped and named for screen readers. Plain links with `download`
 * (not client-side navigation): each is a file made on the server, and the browser shows its own
 * progress while it arrives. Shown on a page only to people the page let in, who may all export it.
 */
export function ExportLinks({
  label,
  links,
  note,
}: {
  label: string;
  links: Array<{ href: string; text: string }>;
  note?: string;
}) {
  return (
    <div role="group" aria-label={label} className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      {links.map((link) => (
        <a
          key={link.href}
          href={link.href}
          download
          className="min-h-11 inline-flex items-center rounded-md border border-slate-400 bg-white px-3 py-1.5 font-semibold text-slate-900 hover:bg-slate-50"
        >
          {link.text}
        </a>
      ))}
      {note ? <span className="text-slate-700">{note}</span> : null}
    </div>
  );
}
