// Hook for the letters module (issue: letters/PDF): the status page offers the decision letter as a
// download when one exists. The letters engineer provides an implementation and passes it to
// PublicCaseService in src/server/services.ts; until then no letter is offered.
// Contract: look up ONLY by the case id given (it comes from the secret status link), and return the
// letter that was sent to the complainant (never drafts or internal documents).

export interface DecisionLetterInfo {
  id: string;
  filename: string;
  /** When the letter was sent to the complainant. */
  sentAt: Date;
}

export interface DecisionLetterFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface DecisionLetterSource {
  /** The final letter (AWB-50, AWB-51) sent for this case, if there is one. */
  latestFor(caseId: string): Promise<DecisionLetterInfo | undefined>;
  /** The file of that letter; undefined if it does not belong to this case. */
  download(caseId: string, letterId: string): Promise<DecisionLetterFile | undefined>;
}
