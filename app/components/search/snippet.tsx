/** The words around a match, the matched words marked: each piece is text, so nothing anyone typed becomes HTML. */
export function Snippet({ segments }: { segments: { text: string; marked: boolean }[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.marked ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
