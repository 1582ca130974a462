import type { paths } from './api-types.js';

// The shapes of the API the back office reads, derived from the types generated from the server's
// own OpenAPI document (api-types.ts, `npm run gen:api`). Nothing here is written by hand: when a
// route's schema changes, the generated file changes and every screen that relies on the old shape
// fails the type check.

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of a route's success response (200 or 201). */
export type ApiResponse<P extends keyof paths, M extends Method & keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? JsonOf<R[Extract<keyof R, 200 | 201>]>
  : never;

export type Me = ApiResponse<'/api/v1/auth/me', 'get'>;
export type StaffUser = Me['user'];
export type Role = StaffUser['role'];

export type CaseList = ApiResponse<'/api/v1/cases', 'get'>;
export type CaseSummary = CaseList['items'][number];
export type CaseDetail = ApiResponse<'/api/v1/cases/{id}', 'get'>;
export type AllowedAction = CaseDetail['allowedActions'][number];

export type DepartmentList = ApiResponse<'/api/v1/departments', 'get'>;
export type CategoryList = ApiResponse<'/api/v1/categories', 'get'>;
export type Department = DepartmentList['items'][number];
export type Category = CategoryList['items'][number];
/** A department or a category, as the admin lists and the lookups use them. */
export type Named = Department | Category;
export type UserList = ApiResponse<'/api/v1/users', 'get'>;
export type UserRow = UserList['items'][number];
/** The staff directory every role may read (no e-mail addresses or roles for handlers). */
export type StaffList = ApiResponse<'/api/v1/staff', 'get'>;
export type Labels = ApiResponse<'/api/v1/labels', 'get'>;
export type Organisation = ApiResponse<'/api/v1/organisation', 'get'>;
export type TokenList = ApiResponse<'/api/v1/tokens', 'get'>;
export type TokenRow = TokenList['items'][number];
export type CreatedToken = ApiResponse<'/api/v1/tokens', 'post'>;
export type OutboxList = ApiResponse<'/api/v1/outbox', 'get'>;

export type Letter = ApiResponse<'/api/v1/letters/{id}', 'get'>;
export type LetterList = ApiResponse<'/api/v1/cases/{id}/letters', 'get'>;
export type LintResult = ApiResponse<'/api/v1/letters/lint', 'post'>;
export type Finding = LintResult['findings'][number];

export type Dashboard = ApiResponse<'/api/v1/dashboard', 'get'>;
export type CreatedCase = ApiResponse<'/api/v1/cases', 'post'>;
