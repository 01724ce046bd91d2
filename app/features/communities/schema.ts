import { z } from "zod";
import { MAX_GROUP, MAX_TAG_LENGTH, MAX_TAGS, MIN_GROUP, normaliseTags } from "./grouping";

/** The facilitator's "pair two members" form, the same in the browser and the action. */
export const PeerPairSchema = z
  .object({
    userId: z.string({ required_error: "Choose a member" }).uuid("Choose a member"),
    partnerId: z.string({ required_error: "Choose their partner" }).uuid("Choose their partner"),
  })
  .refine((v) => v.userId !== v.partnerId, { path: ["partnerId"], message: "Choose two different members" });

/** Ending the peer-check pair a member is in. */
export const UnpairSchema = z.object({ userId: z.string().uuid() });

const CommunityName = z
  .string({ required_error: "Give the community a name." })
  .trim()
  .min(3, "Give the community a name of at least 3 characters.")
  .max(80, "Keep the name to 80 characters or fewer.");

/** Accepting a suggestion: its members, and a name the facilitator may change. */
export const AcceptSchema = z.object({
  intent: z.literal("accept"),
  name: CommunityName,
  memberIds: z.array(z.string().uuid()).min(MIN_GROUP).max(MAX_GROUP),
});

/** Forming a community by hand from leaders who are not in one yet. */
export const CreateSchema = z.object({
  intent: z.literal("create"),
  name: CommunityName,
  memberIds: z
    .array(z.string().uuid(), { required_error: "Choose at least one leader." })
    .min(1, "Choose at least one leader.")
    .max(MAX_GROUP, `A community has at most ${MAX_GROUP} leaders.`),
});

/** Renaming a community of the cohort. */
export const RenameSchema = z.object({
  intent: z.literal("rename"),
  communityId: z.string().uuid(),
  name: CommunityName,
});
/** Moving a leader to another community, or out of any ("" for none). */
export const MoveSchema = z.object({
  intent: z.literal("move"),
  userId: z.string().uuid(),
  communityId: z.union([z.literal(""), z.string().uuid()]),
});

/** The longest equity challenge a leader may write. */
export const MAX_CHALLENGE_TEXT = 500;

/** A leader's challenge: a short text, and up to 5 comma-separated tags (stored lower-case). */
export const ChallengeSchema = z.object({
  text: z
    .string({ required_error: "Describe your equity challenge in a sentence or two." })
    .trim()
    .min(10, "Describe your equity challenge in a sentence or two (at least 10 characters).")
    .max(MAX_CHALLENGE_TEXT, `Keep it to ${MAX_CHALLENGE_TEXT} characters or fewer.`),
  tags: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const tags = normaliseTags(value ?? "");
      if (tags.length > MAX_TAGS)
        ctx.addIssue({ code: "custom", message: `Use at most ${MAX_TAGS} tags (you have ${tags.length}).` });
      const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
      if (long)
        ctx.addIssue({
          code: "custom",
          message: `Keep each tag to ${MAX_TAG_LENGTH} characters: "${long.slice(0, 20)}…" is longer.`,
        });
      const odd = tags.find((t) => !/^[a-z0-9][a-z0-9 '&-]*$/.test(t));
      if (odd)
        ctx.addIssue({
          code: "custom",
          message: `Use letters, numbers, spaces and hyphens in tags: "${odd}" has other characters.`,
        });
    }),
});
