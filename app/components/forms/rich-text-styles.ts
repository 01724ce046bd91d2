/**
 * How headings, quotes, links and the empty field's placeholder look inside a rich-text field
 * (app.css styles the paragraphs and lists of every `.prose-editor`). Tailwind classes on the
 * editor's element, so the stylesheet needs no editor-specific rules.
 */
export const richTextStyles = [
  "[&_h2]:mt-3 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-semibold",
  "[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-800",
  "[&_a]:text-brand-700 [&_a]:underline",
  "[&_p.is-editor-empty:first-child]:before:pointer-events-none [&_p.is-editor-empty:first-child]:before:float-left [&_p.is-editor-empty:first-child]:before:h-0",
  "[&_p.is-editor-empty:first-child]:before:text-slate-600 [&_p.is-editor-empty:first-child]:before:content-[attr(data-placeholder)]",
].join(" ");
