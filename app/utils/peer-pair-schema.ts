import { z } from "zod";

/** The facilitator's "pair two members" form, the same in the browser and the action. */
export const PeerPairSchema = z
  .object({
    userId: z.string({ required_error: "Choose a member" }).uuid("Choose a member"),
    partnerId: z.string({ required_error: "Choose their partner" }).uuid("Choose their partner"),
  })
  .refine((v) => v.userId !== v.partnerId, { path: ["partnerId"], message: "Choose two different members" });
