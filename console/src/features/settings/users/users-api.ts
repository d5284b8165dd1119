import { api } from '../../../api/client';
import type { Role } from '../../../api/types';

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  department_id: string | null;
  disabled: boolean;
  created_at: string;
  last_sign_in_at: string | null;
  /** Signs in with a code from an authenticator app too. */
  two_step: boolean;
}

export const USERS_PATH = '/api/users';

export const usersApi = {
  add: (input: { email: string; name: string; role: Role; department_id?: string }) => api.post<{ user: StaffUser; password: string | null }>(USERS_PATH, input),
  change: (id: number, change: { role?: Role; department_id?: string | null; disabled?: boolean; name?: string }) => api.patch<{ user: StaffUser }>(`${USERS_PATH}/${id}`, change),
  resetPassword: (id: number) => api.post<{ password: string }>(`${USERS_PATH}/${id}/password`),
  /** Turns two-step verification off for someone who lost their phone; their sessions end. */
  resetTwoStep: (id: number) => api.delete(`${USERS_PATH}/${id}/two-step`),
};
