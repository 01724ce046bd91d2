import path from "node:path";
import { z } from "zod";
import { parseAllowHosts, type AllowedHost } from "../features/link-previews/address-check";

const booleanString = z.enum(["true", "false"]).transform((v) => v === "true");
const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  APP_URL: z
    .string()
    .url()
    .refine(
      (v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol),
      "must start with http:// or https://",
    )
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SEED_DEMO: booleanString.optional(),
  DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Commons <no-reply@commons.localhost>"),
  SESSION_IDLE_HOURS: positiveInt.default(8),
  SESSION_ABSOLUTE_DAYS: positiveInt.default(7),
  INVITATION_DAYS: positiveInt.default(7),
  TRUST_PROXY: booleanString.default("false"),
  /** The largest a shared document may grow to, in megabytes (issue 12: one member bloated an inquiry to 47.5 MB). */
  COLLAB_MAX_DOCUMENT_MB: positiveInt.default(5),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  LINK_PREVIEW_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((raw, ctx) => {
      try {
        return parseAllowHosts(raw);
      } catch (error) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${(error as Error).message}; use host or host:port, separated by commas`,
        });
        return z.NEVER;
      }
    }),
});

export const DEFAULT_DEMO_PASSWORD = "commons-demo-password";

/** The parsed configuration: every environment variable Commons reads, in one place. */
export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  /** The app's public origin (scheme, host, port); decides Secure/`__Host-` cookies. */
  appUrl: string | null;
  database: { driver: "postgres"; url: string } | { driver: "pglite"; dataDir: string };
  seedDemo: boolean;
  demoPassword: string;
  demoPasswordIsDefault: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  invitationMs: number;
  trustProxy: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Hosts whose link previews are fetched even though their address is not public (tests' fixture server). */
  linkPreviewAllowHosts: AllowedHost[];
  /** The size cap of one shared document (ADR 024), in bytes. */
  collabMaxDocumentBytes: number;
};

/** Raised at start-up when a variable is invalid; the message names each bad variable. */
export class EnvError extends Error {}

/** Parses the environment once at start-up. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Commons cannot start: these settings are not valid:\n${lines.join("\n")}`);
  }
  const e = result.data;
  const production = e.NODE_ENV === "production";
  if (production && e.APP_URL && new URL(e.APP_URL).protocol === "http:" && !isLoopbackUrl(e.APP_URL)) {
    throw new EnvError(
      "Commons cannot start: APP_URL must use https:// in production (sign-in cookies are only sent securely).",
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    appUrl: e.APP_URL ? new URL(e.APP_URL).origin : null,
    database: e.DATABASE_URL
      ? { driver: "postgres", url: e.DATABASE_URL }
      : { driver: "pglite", dataDir: path.resolve(e.DATA_DIR) },
    seedDemo: e.SEED_DEMO ?? !production,
    demoPassword: e.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    demoPasswordIsDefault: e.DEMO_PASSWORD === undefined,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3_600_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * 86_400_000,
    invitationMs: e.INVITATION_DAYS * 86_400_000,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    linkPreviewAllowHosts: e.LINK_PREVIEW_ALLOW_HOSTS,
    collabMaxDocumentBytes: e.COLLAB_MAX_DOCUMENT_MB * 1024 * 1024,
  };
}

function isLoopbackUrl(url: string) {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}
