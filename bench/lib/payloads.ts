import crypto from 'node:crypto';
import { acknowledgementMessage } from '../../src/domain/acknowledgement.js';
import { addDays, amsterdamDate } from '../../src/domain/dates.js';
import { computeDeadline } from '../../src/domain/deadlines.js';
import type { BenchOrg } from './generate.js';
import { Rng } from './random.js';
import { ComplaintText } from './textgen.js';

/**
 * What intake receives, generated once per run and used twice: as JSON bodies for
 * POST /api/v1/complaints and as the same row values for the plain INSERT baseline.
 */
export interface Payload {
  json: string;
  body: {
    complainant: { name: string; email?: string; phone?: string; address?: string };
    description: string;
    desiredOutcome?: string;
    incidentDate?: string;
    language: 'nl' | 'en';
    categoryId?: string;
  };
  departmentId: string | null;
}

export function makePayloads(org: BenchOrg, n: number, seed: number, corpus?: string): Payload[] {
  const rng = new Rng(seed);
  const text = new ComplaintText(new Rng(seed ^ 0x1b873593));
  if (corpus) text.useCorpus(corpus);
  const today = amsterdamDate(new Date());
  const out: Payload[] = [];
  for (let i = 0; i < n; i++) {
    const c = text.complaint();
    // Citizens choose a subject on about half of the forms; the rest is routed later.
    const category = rng.chance(0.5) ? org.categories[c.departmentIndex]?.[c.categoryIndex] : undefined;
    const body: Payload['body'] = {
      complainant: {
        name: c.name,
        ...(c.email ? { email: c.email } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
        ...(c.address ? { address: c.address } : {}),
      },
      description: c.description,
      ...(c.desiredOutcome ? { desiredOutcome: c.desiredOutcome } : {}),
      ...(rng.chance(0.6) ? { incidentDate: addDays(today, -rng.int(1, 60)) } : {}),
      language: c.language,
      ...(category ? { categoryId: category.id } : {}),
    };
    out.push({ json: JSON.stringify(body), body, departmentId: category?.departmentId ?? null });
  }
  return out;
}

/** The SQL intake runs, as values: for the baseline rows. */
export class RowMaker {
  private n = 0;
  private readonly receiptDate: string;
  private readonly ack: ReturnType<typeof computeDeadline>;
  private readonly decision: ReturnType<typeof computeDeadline>;
  private readonly deadlines: string;
  private readonly prefix: string;

  constructor(private readonly org: BenchOrg) {
    this.receiptDate = amsterdamDate(new Date());
    this.ack = computeDeadline({ regime: 'awb', term: 'acknowledgement', start: this.receiptDate });
    this.decision = computeDeadline({ regime: 'awb', term: 'decision', start: this.receiptDate });
    this.deadlines = JSON.stringify({ acknowledgement: this.ack, decision: this.decision });
    this.prefix = `PL-${Date.now().toString(36)}`;
  }

  get year(): number {
    return Number(this.receiptDate.slice(0, 4));
  }

  /** Values for the INSERT into complaint_case (same columns as intake). */
  caseValues(p: Payload, reference?: string): unknown[] {
    const now = new Date();
    const b = p.body;
    return [
      reference ?? `${this.prefix}-${++this.n}`,
      'received',
      'awb',
      'web',
      now,
      now,
      this.receiptDate,
      b.complainant.name,
      b.complainant.email ?? null,
      b.complainant.phone ?? null,
      b.complainant.address ?? null,
      b.description,
      b.desiredOutcome ?? null,
      b.incidentDate ?? null,
      b.language,
      b.categoryId ?? null,
      p.departmentId,
      this.ack.due,
      this.decision.due,
      this.deadlines,
      crypto.createHash('sha256').update(crypto.randomBytes(24)).digest('hex'),
      null,
    ];
  }

  eventData(reference?: string): string {
    return JSON.stringify({
      ...(reference === undefined ? {} : { reference }),
      channel: 'web',
      receiptDate: this.receiptDate,
      regime: 'awb',
      deadlines: { acknowledgement: this.ack.due, decision: this.decision.due },
    });
  }

  message(p: Payload, reference: string): { subject: string; text: string } {
    return acknowledgementMessage({
      lang: p.body.language,
      organisationName: this.org.name,
      complainantName: p.body.complainant.name,
      reference,
      receiptDate: this.receiptDate,
      decisionDue: this.decision.due,
      contactWorkingDays: 5,
      statusUrl: `http://127.0.0.1/status/${crypto.randomBytes(24).toString('base64url')}`,
      privacyUrl: 'https://voorbeeld.example/privacy',
      advisoryCommittee: false,
    });
  }
}

export const CASE_INSERT = `INSERT INTO complaint_case (reference, status, regime, channel, received_at, submitted_at, receipt_date,
  complainant_name, complainant_email, complainant_phone, complainant_address, description, desired_outcome, incident_date,
  language, category_id, department_id, acknowledgement_due, decision_due, deadlines, status_token_hash, created_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`;
