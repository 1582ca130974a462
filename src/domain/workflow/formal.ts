// AWB-02/03/04: when the full formal procedure of Afd. 9.1.2 applies, and what to repair when it does not.

export type SignatureMethod = 'handwritten' | 'digid' | 'eherkenning' | 'confirmed' | 'none';

export interface FormalChecks {
  signature: SignatureMethod;
  hasName: boolean;
  hasAddress: boolean;
  hasDate: boolean;
  hasDescription: boolean;
}

export type FormalDefect =
  'signature' | 'name' | 'address' | 'date' | 'description' | 'behaviour_towards_other';

export interface FormalAssessment {
  /** AWB-03: formalProcedureApplies. */
  applies: boolean;
  /** AWB-02: an oral complaint is handled properly, but the 9:4 checklist is not enforced. */
  oral: boolean;
  defects: FormalDefect[];
  /** Defects the complainant can repair (a request is sent instead of a rejection). */
  repairable: FormalDefect[];
}

const ORAL_CHANNELS = ['phone', 'counter'];

/** AWB-04: a reliable electronic authentication (DigiD, eHerkenning) counts as a signature. */
export function isSigned(method: SignatureMethod): boolean {
  return method !== 'none';
}

export function assessFormal(
  channel: string,
  checks: FormalChecks,
  behaviourTowards: 'complainant' | 'other',
): FormalAssessment {
  if (ORAL_CHANNELS.includes(channel)) return { applies: false, oral: true, defects: [], repairable: [] };
  const defects: FormalDefect[] = [];
  if (!isSigned(checks.signature)) defects.push('signature');
  if (!checks.hasName) defects.push('name');
  if (!checks.hasAddress) defects.push('address');
  if (!checks.hasDate) defects.push('date');
  if (!checks.hasDescription) defects.push('description');
  // AWB-01/03: a complaint about behaviour towards someone else is registered and handled,
  // but outside the formal procedure; that is not something to repair.
  if (behaviourTowards === 'other') defects.push('behaviour_towards_other');
  return {
    applies: defects.length === 0,
    oral: false,
    defects,
    repairable: defects.filter((d) => d !== 'behaviour_towards_other'),
  };
}

export const DEFECT_LABELS: Record<FormalDefect, { nl: string; en: string }> = {
  signature: {
    nl: 'uw handtekening (of bevestiging via DigiD)',
    en: 'your signature (or confirmation through DigiD)',
  },
  name: { nl: 'uw naam', en: 'your name' },
  address: { nl: 'uw adres', en: 'your address' },
  date: { nl: 'de datum van uw klacht', en: 'the date of your complaint' },
  description: {
    nl: 'een omschrijving van de gedraging waarover u klaagt',
    en: 'a description of the behaviour you complain about',
  },
  behaviour_towards_other: { nl: 'gedraging jegens een ander', en: 'behaviour towards someone else' },
};

/** The request for repair: asks for what is missing and says the complaint stays registered. */
export function repairRequestText(
  defects: FormalDefect[],
  lang: 'nl' | 'en',
  reference: string,
): { subject: string; text: string } {
  const list = defects.map((d) => `- ${DEFECT_LABELS[d][lang]}`).join('\n');
  return lang === 'en'
    ? {
        subject: `Please complete your complaint (${reference})`,
        text: `We have registered your complaint ${reference} and will handle it. To handle it under the formal complaints procedure, we still need:\n${list}\n\nPlease send this to us, mentioning your reference. Your complaint will not be rejected in the meantime.`,
      }
    : {
        subject: `Wilt u uw klacht aanvullen? (${reference})`,
        text: `Wij hebben uw klacht ${reference} geregistreerd en nemen die in behandeling. Om uw klacht volgens de formele klachtprocedure te behandelen, hebben wij nog nodig:\n${list}\n\nWilt u dit aan ons sturen en daarbij uw kenmerk noemen? Uw klacht wordt intussen niet afgewezen.`,
      };
}
