/** The sign-in, invitation and account forms, shared by the browser (Conform) and the actions. */
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

/** Sign in with email and password; `redirectTo` brings the person back where they were going. */
export const LoginSchema = z.object({
  email: z.string({ required_error: "Enter your email address" }).trim().email("Enter a valid email address"),
  password: z.string({ required_error: "Enter your password" }),
  redirectTo: z.string().optional(),
});

const name = z
  .string({ required_error: "Enter your name" })
  .trim()
  .min(2, "Enter your full name")
  .max(100, "Your name must be at most 100 characters");
const newPassword = z
  .string({ required_error: "Choose a password" })
  .min(MIN_PASSWORD_LENGTH, `Your password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Your password must be at most 200 characters");
const confirm = z.string({ required_error: "Type your password again" });
const samePassword = (v: { password: string; confirm: string }) => v.password === v.confirm;
const notSame = { path: ["confirm"], message: "The two passwords are not the same" };

/** Accepting an invitation without an account yet: a name and a new password, typed twice. */
export const NewAccountSchema = z.object({ name, password: newPassword, confirm }).refine(samePassword, notSame);

/** Accepting an invitation with an existing account: its current password. */
export const ExistingAccountSchema = z.object({ password: z.string({ required_error: "Enter your password" }) });

/** Asking for a "forgot password" link. */
export const ForgotPasswordSchema = z.object({
  email: z.string({ required_error: "Enter your email address" }).trim().email("Enter a valid email address"),
});

/** Choosing a new password from a reset link: typed twice. */
export const ResetPasswordSchema = z.object({ password: newPassword, confirm }).refine(samePassword, notSame);

/** Changing one's own name on the profile page. */
export const ProfileNameSchema = z.object({ name });

/** Changing one's own password: the current one, then the new one twice. */
export const ChangePasswordSchema = z
  .object({ current: z.string({ required_error: "Enter your current password" }), password: newPassword, confirm })
  .refine(samePassword, notSame);
