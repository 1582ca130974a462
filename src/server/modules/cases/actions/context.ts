import type { Transaction, Updateable } from 'kysely';
import type { ZodObject, ZodRawShape, z } from 'zod';
import type { LocalDate } from '../../../../domain/dates.js';
import type { CaseAction } from '../../../../domain/lifecycle.js';
import type { Blocker } from '../../../../domain/workflow/blockers.js';
import type { WorkflowSettings } from '../../../../domain/workflow/settings.js';
import type { CaseSnapshot } from '../../../../domain/workflow/snapshot.js';
import type { TaskKind } from '../../../../domain/workflow/tasks.js';
import type { CaseTable, Database } from '../../../db/schema.js';
import type { Organisation } from '../../organisation/service.js';
import type { StaffUser } from '../../users/service.js';
import type { CaseEvent } from '../events.js';
import type { FullCase } from '../repository.js';

export interface NewTask {
  kind: TaskKind;
  recipient?:
    | 'complainant'
    | 'respondent'
    | 'representative'
    | 'other_organisation'
    | 'handler'
    | 'manager'
    | undefined;
  respondentId?: string | undefined;
  remedyId?: string | undefined;
  dueDate?: LocalDate | undefined;
  data?: Record<string, unknown> | undefined;
}

export interface NewMessage {
  kind: string;
  recipient: string | null;
  subject: string;
  text: string;
}

/** What a step gets to work with, inside the transaction that holds the case's row lock. */
export interface ActionContext<I> {
  trx: Transaction<Database>;
  user: StaffUser;
  input: I;
  c: CaseSnapshot;
  full: FullCase;
  org: Organisation;
  settings: WorkflowSettings;
  now: Date;
  today: LocalDate;
  extraHolidays: LocalDate[];
  /** Refuse the step with the blockers' reasons (nothing is written: the transaction rolls back). */
  fail(blockers: Blocker[]): never;
  update(values: Updateable<CaseTable>): Promise<void>;
  task(t: NewTask): Promise<string>;
  /** Cancel open tasks of these kinds (e.g. AWB-25: no respondent copy after declining). */
  cancelTasks(kinds: TaskKind[] | 'all', reason: string): Promise<number>;
  completeTasks(where: { kind: TaskKind; respondentId?: string; remedyId?: string }): Promise<number>;
  message(m: NewMessage): Promise<string>;
  event(e: CaseEvent): void;
}

export interface ActionDefinition<S extends ZodRawShape = ZodRawShape> {
  action: CaseAction;
  summary: string;
  input: ZodObject<S>;
  run(ctx: ActionContext<z.infer<ZodObject<S>>>): Promise<void>;
}

/** Keeps each definition's input type tied to its schema. */
export function defineAction<S extends ZodRawShape>(def: ActionDefinition<S>): ActionDefinition {
  return def;
}
