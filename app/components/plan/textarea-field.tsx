/** The plan pages use the shared multi-line field. */
export { TextareaField } from "../ui/field";
