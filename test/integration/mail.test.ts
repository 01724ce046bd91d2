/** With SMTP_URL set, invitations are really sent; when sending fails, the admin is told and the message is kept. */
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMail } from "../../db/queries/mail";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

type Received = { to: string[]; body: string };

function startSmtp(): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        done();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, port: (server.server.address() as { port: number }).port, received }),
    );
  });
}

describe.each(await testDatabases())("outgoing mail on $name", (database) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let app: RunningCommons;
  let broken: RunningCommons;
  let authorityId: string;
  let schoolId: string;
  let adminEmail: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp(await database.open(), { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    const { authority, schools } = await makeAuthority(app.services.db);
    authorityId = authority.id;
    schoolId = schools[0].id;
    adminEmail = (await makeUser(app.services.db, authority.id, [{ role: "authority_admin" }])).email;
  });
  afterAll(async () => {
    await app?.close();
    await broken?.close();
    await new Promise<void>((r) => smtp?.server.close(() => r()));
  });

  async function invite(target: RunningCommons, email: string) {
    const admin = new TestClient(target.url);
    await admin.signIn(adminEmail, TEST_PASSWORD);
    return admin.post("/admin/invitations", { email, role: "school_leader", schoolId });
  }

  it("sends the invitation through the SMTP server and records it as sent", async () => {
    const res = await invite(app, "sent.head@example.test");
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("Invitation sent to sent.head@example.test");
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(["sent.head@example.test"]);
    expect(smtp.received[0].body.replace(/=\r?\n/g, "")).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}/);
    const [mail] = await listMail(app.services.db, authorityId);
    expect(mail).toMatchObject({ toAddress: "sent.head@example.test", status: "sent", error: null });
  });

  it("keeps the message and tells the admin when the mail server cannot be reached", async () => {
    // Same database, a second app whose SMTP_URL points at a closed port.
    broken = await startTestApp(app.database, { SMTP_URL: "smtp://127.0.0.1:9" });
    const res = await invite(broken, "unsent.head@example.test");
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("could not be sent");
    const mail = (await listMail(app.services.db, authorityId)).find((m) => m.toAddress === "unsent.head@example.test");
    expect(mail?.status).toBe("failed");
    expect(mail?.error).toMatch(/ECONNREFUSED|connect/i);
    expect(mail?.bodyText).toContain("/invite/");
  });
});
