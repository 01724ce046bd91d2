import * as Y from "yjs";
import {
  assertUnlocked,
  boardCategories,
  clustersMap,
  notesMap,
  type BoardCategory,
  type ChangeBy,
} from "./board-shape";
import { byOrder, newItemId, orderBetween } from "./schema-version";

/** Named groups of notes within one category of the root-cause board. */
export type NoteCluster = { id: string; name: string; category: BoardCategory; order: number };

const MAX_NAME_LENGTH = 60;

function cleanName(name: string) {
  const trimmed = name.trim();
  if (!trimmed) throw new Error("A group needs a name.");
  if (trimmed.length > MAX_NAME_LENGTH) throw new Error(`A group's name can be at most ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

/** Every cluster (of one category, if given), in order. */
export function listClusters(doc: Y.Doc, category?: BoardCategory): NoteCluster[] {
  return [...clustersMap(doc).values()]
    .map((m) => ({
      id: m.get("id") as string,
      name: m.get("name") as string,
      category: m.get("category") as BoardCategory,
      order: m.get("order") as number,
    }))
    .filter((c) => !category || c.category === category)
    .sort(byOrder);
}

/** The cluster with this id, or null. */
export function getCluster(doc: Y.Doc, clusterId: string): NoteCluster | null {
  return listClusters(doc).find((c) => c.id === clusterId) ?? null;
}

/** Adds an empty named cluster at the end of a category. Returns its id. */
export function addCluster(doc: Y.Doc, cluster: { name: string; category: BoardCategory }, by: ChangeBy = {}): string {
  assertUnlocked(doc, by);
  if (!boardCategories.includes(cluster.category)) throw new Error("Choose one of the board's categories.");
  const name = cleanName(cluster.name);
  const id = newItemId();
  const last = listClusters(doc, cluster.category).at(-1);
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    map.set("id", id);
    map.set("name", name);
    map.set("category", cluster.category);
    map.set("order", orderBetween(last?.order ?? null, null));
    clustersMap(doc).set(id, map);
  });
  return id;
}

/** Renames a cluster. */
export function renameCluster(doc: Y.Doc, clusterId: string, name: string, by: ChangeBy = {}) {
  assertUnlocked(doc, by);
  const map = clustersMap(doc).get(clusterId);
  if (!map) throw new Error("That group is no longer on the board.");
  map.set("name", cleanName(name));
}

/** Removes a cluster; its notes stay in the category, outside any group (nothing is lost). */
export function deleteCluster(doc: Y.Doc, clusterId: string, by: ChangeBy = {}) {
  assertUnlocked(doc, by);
  doc.transact(() => {
    notesMap(doc).forEach((note) => {
      if (note.get("clusterId") === clusterId) note.set("clusterId", null);
    });
    clustersMap(doc).delete(clusterId);
  });
}
