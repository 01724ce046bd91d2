/** The id of a comment's entry in the list (the highlight points at it with aria-describedby). */
export const commentElementId = (commentId: string) => `comment-${commentId}`;

/** A field name ("story/<uuid>") as an id-safe string. */
export const fieldSlug = (field: string) => field.replace(/[^a-zA-Z0-9-]/g, "-");
