import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../test/helpers.js';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp.js';
import { JobRunner } from '../../jobs/runner.js';
import { pdfText } from './test-support.js';

// The send step only writes the outbox; the pg-boss outbox job delivers it with the PDF attached.
describe('a sent letter is delivered by the pg-boss outbox job', () => {
  let t: TestContext;
  let smtp: TestSmtp;
  let jobs: JobRunner;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestContext({ SMTP_URL: smtp.url, JOBS: 'on' });
    jobs = new JobRunner(
      t.database,
      t.services.delivery,
      t.app.log,
      t.services.organisation,
      t.services.insight,
    );
    await jobs.start();
    t.services.jobs = jobs;
  });
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
    await smtp?.close();
  });

  it('acknowledgement (AWB-12): render, send, delivered by the job; the message ID is on the letter', async () => {
    const handler = await t.staff('handler');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: {
        ...exampleComplaint,
        complainant: { ...exampleComplaint.complainant, name: 'Zoë Ëlsa Émile' },
      },
    });
    const caseId = res.json().id;
    await smtp.waitFor(1); // the intake's own acknowledgement e-mail
    const draft = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/letters`,
        headers: handler.auth,
        payload: { kind: 'acknowledgement' },
      })
    ).json();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/letters/${draft.id}/render`,
          headers: handler.auth,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/letters/${draft.id}/send`, headers: handler.auth }))
        .statusCode,
    ).toBe(200);
    const mail = (await smtp.waitFor(2)).find((m) => m.attachments.length > 0);
    expect(mail!.attachments).toHaveLength(1);
    expect(pdfText(mail!.attachments[0]!.content)).toContain('Geachte Zoë Ëlsa Émile,');
    let letter = (
      await t.app.inject({ method: 'GET', url: `/api/v1/letters/${draft.id}`, headers: handler.auth })
    ).json();
    // The job records the Message-ID just after the SMTP server accepted the mail: poll, no fixed sleep.
    for (let i = 0; i < 400 && letter.delivery?.messageId !== mail!.messageId; i++) {
      await new Promise((r) => setTimeout(r, 50));
      letter = (
        await t.app.inject({ method: 'GET', url: `/api/v1/letters/${draft.id}`, headers: handler.auth })
      ).json();
    }
    expect(letter.delivery).toMatchObject({ status: 'sent', messageId: mail!.messageId });
  });
});
