/** How a person appears beside others in a shared document: a stable colour and initials. */

/** A person's caret and avatar colour, stable for their id and readable on white. */
export function colourFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  const palette = ["#b42318", "#175cd3", "#067647", "#6941c6", "#c4320a", "#0e7090", "#a11043", "#4e5ba6"];
  return palette[Math.abs(hash) % palette.length];
}

/** Initials for an avatar. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join("");
}
