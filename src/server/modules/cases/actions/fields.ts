import { z } from 'zod';
import { isValidLocalDate } from '../../../../domain/dates.js';
import { bilingual } from '../../../http/validation.js';

// Shared input fields for the action schemas.
export const text = (max: number) => z.string().trim().min(1).max(max);
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bilingual('Vul een datum in als JJJJ-MM-DD.', 'Enter a date as YYYY-MM-DD.'))
  .refine(isValidLocalDate, bilingual('Deze datum bestaat niet.', 'This date does not exist.'));
export const instant = z.iso.datetime({ offset: true });
export const contactChannel = z.enum(['phone', 'meeting', 'video', 'email', 'letter']);
export const judgement = z.enum(['upheld', 'partly_upheld', 'not_upheld']);
export const severity = z.enum(['light', 'medium', 'heavy']);
export const level = z.enum(['low', 'medium', 'high']);
