import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler, RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { CaseAccessService } from '../modules/cases/access.service.js';
import type { CaseReadInfo } from '../modules/cases/read-policy.js';
import type { Role, UserService } from '../modules/users/service.js';
import { requireStaff } from './auth.js';

/**
 * Every route declares who may call it, in its route config: `config: { access: … }`. The app installs
 * the guard from the declaration as the route's FIRST onRequest hook, so authentication, the role and,
 * for one-case routes, the case's read policy are checked before the body is parsed or validated
 * ("authorise before validating"). test/route-access.test.ts walks every registered route and fails for
 * a route without a declaration, or one that answers a wrong role or an out-of-scope case with
 * anything but 401/403/404, or that shows an unreadable case in its answer. docs/adr/0012-read-policy.md.
 */
export type RouteAccess =
  | {
      /** Why anyone may call this route (the complainant's pages, login, static files). */
      public: string;
    }
  | {
      roles: readonly Role[] | 'any';
      /**
       * What the route reads or changes:
       * - 'none': no case data (settings, labels, own account, staff directory);
       * - 'cases': data of many cases (lists, search, dashboard, reports, outbox): its queries MUST
       *   filter with the read policy's SQL predicate (`s.caseAccess.predicate(user)`);
       * - { case: 'id' }: one case named by that path parameter; the guard checks the read policy;
       * - { letter: 'id' }: one letter named by that path parameter; the guard checks its case.
       */
      scope: AccessScope;
    };

export type AccessScope = 'none' | 'cases' | { [K in keyof typeof CASE_OF]?: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** Set by the guard of a one-case route: the case the request is about, already read-checked. */
    caseRead?: { caseId: string; info: CaseReadInfo };
  }
  interface FastifyInstance {
    /** Every registered route and its declared access ("METHOD url" → declaration, or undefined). */
    routeAccess: Map<string, RouteAccess | undefined>;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How a one-case route's path parameter leads to its case. Add an entry for a new kind of object that
 * belongs to a case. `caseOf` answers the case id, `null` for an object that belongs to no case (only
 * organisation-wide roles reach those), or undefined when there is no such object (404).
 */
const CASE_OF = {
  case: {
    pattern: UUID,
    caseOf: async (_db: Kysely<Database>, id: string): Promise<string | null | undefined> => id,
    notFound: () => new AppError('CASE_NOT_FOUND', { nl: 'Dossier niet gevonden.', en: 'Case not found.' }),
  },
  letter: {
    pattern: UUID,
    caseOf: async (db: Kysely<Database>, id: string): Promise<string | null | undefined> =>
      (await db.selectFrom('letter').select('case_id').where('id', '=', id).executeTakeFirst())?.case_id,
    notFound: () => new AppError('LETTER_NOT_FOUND', { nl: 'Brief niet gevonden.', en: 'Letter not found.' }),
  },
  outbox: {
    pattern: /^\d{1,18}$/,
    caseOf: async (db: Kysely<Database>, id: string): Promise<string | null | undefined> =>
      (await db.selectFrom('outbox').select('case_id').where('id', '=', id).executeTakeFirst())?.case_id,
    notFound: () => new AppError('NOT_FOUND', { nl: 'Bericht niet gevonden.', en: 'Message not found.' }),
  },
} as const;

export interface AccessDeps {
  db: Kysely<Database>;
  users: UserService;
  caseAccess: CaseAccessService;
  /** Declarations for routes a third-party plugin registers (Swagger UI under /docs). */
  thirdParty?: (url: string) => RouteAccess | undefined;
}

export function isPublic(a: RouteAccess): a is { public: string } {
  return 'public' in a;
}

/** Installs the route-access hook: call once on the root instance, before any route is registered. */
export function installRouteAccess(app: FastifyInstance, deps: AccessDeps): void {
  app.decorate('routeAccess', new Map<string, RouteAccess | undefined>());
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access ?? deps.thirdParty?.(route.url);
    for (const method of [route.method].flat()) app.routeAccess.set(`${method} ${route.url}`, access);
    if (!access || isPublic(access)) return;
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [guardFor(access, deps), ...existing];
  });
}

function guardFor(
  access: Exclude<RouteAccess, { public: string }>,
  deps: AccessDeps,
): onRequestAsyncHookHandler {
  const staff = requireStaff(deps.users, access.roles);
  const one = typeof access.scope === 'object' ? Object.entries(access.scope)[0] : undefined;
  return async function routeAccessGuard(req: FastifyRequest, reply) {
    await staff.call(this, req, reply);
    if (!one) return;
    const [kind, param] = one as [keyof typeof CASE_OF, string];
    const resolver = CASE_OF[kind];
    const raw = (req.params as Record<string, string | undefined>)[param];
    // A malformed id names nothing: validation answers it (400/422) without touching any data.
    if (!raw || !resolver.pattern.test(raw)) return;
    const caseId = await resolver.caseOf(deps.db, raw);
    if (caseId === undefined) throw resolver.notFound();
    if (caseId === null) {
      // An object of no case (e.g. mail to a staff member) is the organisation-wide admin's.
      if (req.staff!.role !== 'admin')
        throw new AppError('FORBIDDEN', {
          nl: 'Dit hoort bij geen dossier.',
          en: 'This belongs to no case.',
        });
      return;
    }
    const info = await deps.caseAccess.assertMayRead(req.staff!, caseId);
    req.caseRead = { caseId, info };
  };
}
