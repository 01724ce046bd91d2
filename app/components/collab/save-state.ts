import * as Y from "yjs";

export type SaveStatus = "connecting" | "saving" | "saved" | "offline" | "read-only" | "closed";

/**
 * "Saved" means the server's durable state vector covers every change this replica holds (its
 * own, and any made offline in an earlier visit): for each client, stored clock ≥ local clock.
 */
export function isFullySaved(local: Uint8Array, persisted: Uint8Array | null): boolean {
  if (!persisted) return false;
  const stored = Y.decodeStateVector(persisted);
  for (const [client, clock] of Y.decodeStateVector(local)) {
    if ((stored.get(client) ?? 0) < clock) return false;
  }
  return true;
}

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
