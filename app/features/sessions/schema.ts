import { z } from "zod";
import { agendaMinutes, protocolIds } from "./protocols";
import { defaultDateContext, fromLocalInput, type DateContext } from "../../kernel/dates";

/**
 * Something typed as a place that is meant as a link: it has a scheme ("https://", "javascript:")
 * or starts with "www.". A room name ("Room 4, Civic Centre") does not.
 */
function looksLikeLink(place: string) {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(place) ||
    /^(javascript|data|vbscript|file|mailto|ftp):/i.test(place) ||
    /^www\./i.test(place)
  );
}

const AgendaItemSchema = z.object({
  template: z.enum(protocolIds, { errorMap: () => ({ message: "Choose a protocol from the list." }) }),
  minutes: z
    .number({
      required_error: "Enter the minutes for this item.",
      invalid_type_error: "Enter the minutes as a whole number.",
    })
    .int("Enter the minutes as a whole number.")
    .min(1, "An item takes at least 1 minute.")
    .max(240, "An item can take at most 240 minutes."),
  note: z.string().trim().max(300, "Keep the note under 300 characters.").default(""),
});

/** The schedule / edit form of a monthly session, used by the browser and the action alike. */
export const SessionSchema = z
  .object({
    title: z
      .string({ required_error: "Enter a title for the session." })
      .trim()
      .min(3, "Enter a title of at least 3 characters.")
      .max(120, "Keep the title under 120 characters."),
    startsAt: z
      .string({ required_error: "Enter the date and time." })
      .refine((v) => fromLocalInput(v) !== null, "Enter a real date and time, such as 14/10/2026 14:00."),
    durationMinutes: z
      .number({
        required_error: "Enter how long the session lasts.",
        invalid_type_error: "Enter the length in minutes.",
      })
      .int("Enter the length in whole minutes.")
      .min(15, "A session lasts at least 15 minutes.")
      .max(480, "A session lasts at most 8 hours (480 minutes)."),
    place: z
      .string()
      .trim()
      .max(500, "Keep the place under 500 characters.")
      .default("")
      .superRefine((place, ctx) => {
        if (!place || !looksLikeLink(place)) return;
        let ok = false;
        try {
          const url = new URL(place);
          ok = (url.protocol === "https:" || url.protocol === "http:") && Boolean(url.hostname);
        } catch {
          ok = false;
        }
        if (!ok)
          ctx.addIssue({
            code: "custom",
            message: "An online link must be a full web address starting with https:// or http://.",
          });
      }),
    agenda: z
      .array(AgendaItemSchema, { required_error: "Add at least one agenda item." })
      .min(1, "Add at least one agenda item.")
      .max(20, "An agenda can have at most 20 items."),
  })
  .superRefine((value, ctx) => {
    const total = agendaMinutes(value.agenda);
    if (total > value.durationMinutes) {
      ctx.addIssue({
        code: "custom",
        path: ["agenda"],
        message: `The agenda takes ${total} minutes, longer than the session (${value.durationMinutes} minutes).`,
      });
    }
  });

export type SessionInput = z.infer<typeof SessionSchema>;

/** The stored values of a valid form; the start is read in the authority's time zone. */
export function sessionValues(input: SessionInput, ctx: DateContext = defaultDateContext) {
  return {
    title: input.title,
    startsAt: fromLocalInput(input.startsAt, ctx)!,
    durationMinutes: input.durationMinutes,
    place: input.place,
    agenda: input.agenda.map((i) => ({ template: i.template, minutes: i.minutes, note: i.note ?? "" })),
  };
}
