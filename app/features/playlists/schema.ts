import { z } from "zod";
import { checkResourceUrl, resourceTypes } from "../../../collab/documents/playlist";

/** How each kind of resource is called on screen. */
export const resourceTypeLabels: Record<(typeof resourceTypes)[number], string> = {
  video: "Video",
  reading: "Reading",
  protocol: "Protocol",
  tool: "Tool",
};

/**
 * One resource, as the facilitator's "Add a resource" form (written into the shared document in
 * the browser) and the leader's suggestion form (stored by the server) describe it. The rules are
 * the playlist document's own (collab/documents/playlist.ts), so the document never refuses what
 * the form let through; the address goes through the same `checkResourceUrl`.
 */
export const ResourceSchema = z.object({
  title: z
    .string({ required_error: "Give the resource a title (2 to 200 characters)." })
    .trim()
    .min(2, "Give the resource a title (2 to 200 characters).")
    .max(200, "Give the resource a title (2 to 200 characters)."),
  url: z
    .string({ required_error: "Enter a full web address starting with https:// or http://." })
    .trim()
    .transform((raw, ctx) => {
      try {
        return checkResourceUrl(raw);
      } catch (error) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message });
        return z.NEVER;
      }
    }),
  type: z.enum(resourceTypes, { errorMap: () => ({ message: "Choose video, reading, protocol or tool." }) }),
  minutes: z
    .number({
      required_error: "Say roughly how many minutes it takes (1 to 600).",
      invalid_type_error: "Minutes must be a whole number.",
    })
    .int("Minutes must be a whole number.")
    .min(1, "Minutes must be between 1 and 600.")
    .max(600, "Minutes must be between 1 and 600."),
  why: z
    .string({ required_error: "Say in a sentence why it matters for the group." })
    .trim()
    .min(3, "Say in a sentence why it matters for the group.")
    .max(1000, "Keep why it matters to 1000 characters."),
});

export type ResourceInput = z.infer<typeof ResourceSchema>;

/** A leader marks an item done, alone or with a partner from the cohort, with an optional note. */
export const ProgressSchema = z
  .object({
    itemId: z.string({ required_error: "Choose a resource." }).min(1).max(100),
    status: z.enum(["done", "done_with_partner"], {
      errorMap: () => ({ message: "Choose “Done” or “Done with a partner”." }),
    }),
    partnerId: z.string().uuid("Choose the colleague you did it with.").optional(),
    note: z.string().trim().max(1000, "Keep the note to 1000 characters.").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status === "done_with_partner" && !value.partnerId) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["partnerId"],
        message: "Choose the colleague you did it with.",
      });
    }
  });

/** Which suggestion a facilitator approves or declines. */
export const DecisionSchema = z.object({
  suggestionId: z.string({ required_error: "Choose a suggestion." }).uuid("Choose a suggestion."),
});
