import { createContext, useContext } from 'react';
import type { StaffUser } from './types.js';

export interface SessionState {
  me: StaffUser;
  logout: () => Promise<void>;
  /** After a password change the server ends the session: back to the login screen with a notice. */
  signedOut: (notice: string) => void;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionContext');
  return s;
}

export const isManager = (u: StaffUser) => u.role === 'manager' || u.role === 'admin';
