import path from "node:path";
import { DEFAULT_DEMO_PASSWORD, EnvError, parseEnv } from "./env.server";

function errorOf(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("parseEnv did not throw");
}

describe("parseEnv defaults", () => {
  it("an empty environment is development on PGlite in ./data (absolute), seeding the demo", () => {
    const env = parseEnv({});
    expect(env.nodeEnv).toBe("development");
    expect(env.port).toBe(3000);
    expect(env.host).toBe("127.0.0.1");
    expect(env.appUrl).toBeNull();
    expect(env.database).toEqual({ driver: "pglite", dataDir: path.resolve(process.cwd(), "data") });
    expect(path.isAbsolute((env.database as { dataDir: string }).dataDir)).toBe(true);
    expect(env.seedDemo).toBe(true);
    expect(env.demoPassword).toBe(DEFAULT_DEMO_PASSWORD);
    expect(env.demoPasswordIsDefault).toBe(true);
    expect(env.smtpUrl).toBeNull();
    expect(env.trustProxy).toBe(false);
    expect(env.logLevel).toBe("info");
    expect(env.sessionIdleMs).toBe(8 * 3_600_000);
    expect(env.sessionAbsoluteMs).toBe(7 * 86_400_000);
    expect(env.invitationMs).toBe(7 * 86_400_000);
  });

  it("a relative DATA_DIR is resolved to an absolute path", () => {
    const env = parseEnv({ DATA_DIR: "tmp/db" });
    expect(env.database).toEqual({ driver: "pglite", dataDir: path.resolve(process.cwd(), "tmp/db") });
  });

  it("production does not seed the demo unless SEED_DEMO=true", () => {
    expect(parseEnv({ NODE_ENV: "production" }).seedDemo).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", SEED_DEMO: "true" }).seedDemo).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("converts hours and days to milliseconds and reads booleans", () => {
    const env = parseEnv({
      SESSION_IDLE_HOURS: "2",
      SESSION_ABSOLUTE_DAYS: "3",
      INVITATION_DAYS: "14",
      TRUST_PROXY: "true",
    });
    expect(env.sessionIdleMs).toBe(7_200_000);
    expect(env.sessionAbsoluteMs).toBe(3 * 86_400_000);
    expect(env.invitationMs).toBe(14 * 86_400_000);
    expect(env.trustProxy).toBe(true);
  });

  it("a custom DEMO_PASSWORD is used and not flagged as the default", () => {
    const env = parseEnv({ DEMO_PASSWORD: "a-long-enough-secret" });
    expect(env.demoPassword).toBe("a-long-enough-secret");
    expect(env.demoPasswordIsDefault).toBe(false);
  });
});

describe("parseEnv database", () => {
  it.each(["postgres://u:p@db:5432/commons", "postgresql://db/commons"])(
    "DATABASE_URL=%s switches to postgres",
    (url) => {
      expect(parseEnv({ DATABASE_URL: url, DATA_DIR: "/ignored" }).database).toEqual({ driver: "postgres", url });
    },
  );
});

describe("parseEnv treats empty strings as unset", () => {
  it("empty values fall back to the defaults instead of failing", () => {
    const env = parseEnv({
      PORT: "",
      DATABASE_URL: "",
      SEED_DEMO: "",
      DEMO_PASSWORD: "",
      APP_URL: "",
      NODE_ENV: "",
      SMTP_URL: undefined,
    });
    expect(env.port).toBe(3000);
    expect(env.database.driver).toBe("pglite");
    expect(env.seedDemo).toBe(true);
    expect(env.demoPasswordIsDefault).toBe(true);
    expect(env.appUrl).toBeNull();
    expect(env.nodeEnv).toBe("development");
  });
});

describe("parseEnv rejects bad values, naming the variable", () => {
  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["DEMO_PASSWORD", "short"],
    ["SEED_DEMO", "yes"],
    ["NODE_ENV", "staging"],
    ["APP_URL", "not a url"],
    ["SMTP_URL", "http://mail"],
    ["SESSION_IDLE_HOURS", "0"],
    ["LOG_LEVEL", "verbose"],
  ])("%s=%s", (name, value) => {
    const error = errorOf({ [name]: value });
    expect(error.message).toMatch(new RegExp(`\\b${name}:`));
  });

  it("names every bad variable at once", () => {
    const error = errorOf({ PORT: "abc", SEED_DEMO: "yes" });
    expect(error.message).toContain("PORT:");
    expect(error.message).toContain("SEED_DEMO:");
  });

  it("explains the DATABASE_URL and DEMO_PASSWORD rules", () => {
    expect(errorOf({ DATABASE_URL: "mysql://x" }).message).toContain("must start with postgres://");
    expect(errorOf({ DEMO_PASSWORD: "short" }).message).toContain("at least 12 characters");
  });
});

describe("parseEnv APP_URL", () => {
  it("is reduced to its origin", () => {
    expect(parseEnv({ APP_URL: "https://commons.example.org/some/path?x=1" }).appUrl).toBe(
      "https://commons.example.org",
    );
    expect(parseEnv({ APP_URL: "http://localhost:3000/" }).appUrl).toBe("http://localhost:3000");
  });

  it("production refuses http:// on a non-loopback host", () => {
    const error = errorOf({ NODE_ENV: "production", APP_URL: "http://commons.example.org" });
    expect(error.message).toContain("APP_URL");
    expect(error.message).toContain("https://");
  });

  it("production refuses http:// even when the scheme is written in capitals", () => {
    expect(errorOf({ NODE_ENV: "production", APP_URL: "HTTP://commons.example.org" }).message).toContain("APP_URL");
  });

  it.each(["ftp://commons.example.org", "mailto:admin@example.org"])("refuses a non-web APP_URL (%s)", (url) => {
    expect(errorOf({ APP_URL: url }).message).toContain("APP_URL");
  });

  it.each(["http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:3000"])(
    "production allows loopback %s over http",
    (url) => {
      expect(parseEnv({ NODE_ENV: "production", APP_URL: url }).appUrl).toBe(url);
    },
  );

  it("production accepts https, and development accepts http anywhere", () => {
    expect(parseEnv({ NODE_ENV: "production", APP_URL: "https://commons.example.org" }).appUrl).toBe(
      "https://commons.example.org",
    );
    expect(parseEnv({ APP_URL: "http://commons.example.org" }).appUrl).toBe("http://commons.example.org");
  });
});
