import { CASE_ACTIONS, type CaseAction } from '../../../../domain/lifecycle.js';
import type { ActionDefinition } from './context.js';
import { decisionActions } from './decision.actions.js';
import { exitActions } from './exit.actions.js';
import { hearingActions } from './hearing.actions.js';
import { intakeActions } from './intake.actions.js';
import { taskActions } from './task.actions.js';

/** Every lifecycle action with its input schema and its step; checked complete at start-up. */
export const ACTION_DEFINITIONS: Record<CaseAction, ActionDefinition> = Object.fromEntries(
  [...intakeActions, ...exitActions, ...hearingActions, ...decisionActions, ...taskActions].map((d) => [
    d.action,
    d,
  ]),
) as Record<CaseAction, ActionDefinition>;

const missing = CASE_ACTIONS.filter((a) => !ACTION_DEFINITIONS[a]);
if (missing.length) throw new Error(`Lifecycle actions without a definition: ${missing.join(', ')}`);
