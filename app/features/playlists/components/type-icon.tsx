import { BookOpen, ListChecks, PlayCircle, Wrench, type LucideIcon } from "lucide-react";
import type { ResourceType } from "../../../../collab/documents/playlist";

/** One icon per kind of resource (lucide, the app's one icon set); the label is always shown beside it. */
export const resourceIcons: Record<ResourceType, LucideIcon> = {
  video: PlayCircle,
  reading: BookOpen,
  protocol: ListChecks,
  tool: Wrench,
};

export function TypeIcon({ type, className = "h-4 w-4" }: { type: ResourceType; className?: string }) {
  const Icon = resourceIcons[type] ?? BookOpen;
  return <Icon aria-hidden="true" focusable="false" className={className} />;
}
