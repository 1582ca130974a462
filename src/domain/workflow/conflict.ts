import { blocker, type Blocker } from './blockers.js';
import type { RespondentSnapshot } from './snapshot.js';

// AWB-15/16 (NO-13) and WKKGZ-03: who may handle a complaint.

export interface HandlerCandidate {
  id: string;
  name: string;
  role: string;
  active: boolean;
  departmentId: string | null;
}

export type ConflictCheck =
  | { ok: true; warning?: { rule: 'AWB-16'; respondent: string; kind: string } }
  | { ok: false; blocker: Blocker };

const ORGAN_KINDS = ['body', 'chair', 'member'];

/**
 * AWB-15: someone involved in the behaviour complained about cannot handle the complaint.
 * AWB-16: unless the complaint concerns the administrative body itself, its chair or a member;
 * then it is allowed, with a warning recorded.
 */
export function checkHandlerConflict(
  handlerId: string,
  respondents: readonly RespondentSnapshot[],
): ConflictCheck {
  const involved = respondents.filter((r) => r.userId === handlerId);
  const personal = involved.find((r) => !ORGAN_KINDS.includes(r.kind));
  if (personal) {
    return {
      ok: false,
      blocker: blocker(
        'HANDLER_IS_RESPONDENT',
        'AWB-15',
        `${personal.name} is beklaagde in deze klacht en mag de klacht daarom niet behandelen (Awb 9:7 lid 1). Kies een behandelaar die niet bij de gedraging betrokken was.`,
        `${personal.name} is a respondent in this complaint and so may not handle it (Awb 9:7(1)). Choose a handler who was not involved in the behaviour.`,
      ),
    };
  }
  const organ = involved[0];
  if (organ) return { ok: true, warning: { rule: 'AWB-16', respondent: organ.name, kind: organ.kind } };
  return { ok: true };
}

/** Who can be made handler at all: an active handler or manager (WKKGZ-03: never the complaints officer). */
export function checkHandlerEligible(
  h: HandlerCandidate,
  caseDepartmentId: string | null,
): Blocker | undefined {
  if (!h.active)
    return blocker('HANDLER_NOT_ELIGIBLE', 'NO-13', `${h.name} is niet actief.`, `${h.name} is not active.`);
  if (h.role === 'complaints-officer') {
    return blocker(
      'HANDLER_NOT_ELIGIBLE',
      'WKKGZ-03',
      'De klachtenfunctionaris adviseert de klager onafhankelijk en kan geen behandelaar zijn.',
      'The complaints officer advises the complainant independently and cannot be the handler.',
    );
  }
  if (h.role !== 'handler' && h.role !== 'manager') {
    return blocker(
      'HANDLER_NOT_ELIGIBLE',
      'NO-13',
      `${h.name} heeft geen behandelaarsrol.`,
      `${h.name} does not have a handler role.`,
    );
  }
  if (caseDepartmentId && h.departmentId && h.departmentId !== caseDepartmentId) {
    return blocker(
      'HANDLER_NOT_ELIGIBLE',
      'NO-13',
      `${h.name} hoort bij een andere afdeling dan dit dossier. Wijs eerst de afdeling toe.`,
      `${h.name} belongs to another department than this case. Route the case to that department first.`,
    );
  }
  return undefined;
}
