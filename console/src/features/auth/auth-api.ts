import { api, ApiError } from '../../api/client';
import type { User } from '../../api/types';

/** The signed-in user, or null when no session is open. */
export const currentUser = async (): Promise<User | null> => {
  try {
    return (await api.get<{ user: User }>('/api/auth/me', { expectUnauthorized: true })).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
};

const sessionUser = async (): Promise<User> => {
  const user = await currentUser();
  if (!user) throw new ApiError(401, 'auth.required', 'A sessão não foi aberta. Verifique se o navegador aceita cookies.');
  return user;
};

/** After e-mail and password: the user (a session is open), or the token of a sign-in that waits for a two-step code. */
export type PasswordStep = { user: User } | { pendingToken: string };

/** Opens a session (the server sets an http-only cookie), unless the user has two-step verification on. */
export const signIn = async (email: string, password: string): Promise<PasswordStep> => {
  const answer = await api.post<{ pending_token?: string }>('/api/auth/login', { email, password }, { expectUnauthorized: true });
  return answer.pending_token ? { pendingToken: answer.pending_token } : { user: await sessionUser() };
};

/** Finishes a two-step sign-in with a code from the app or a recovery code. */
export const signInWithCode = async (pendingToken: string, code: string): Promise<User> => {
  await api.post('/api/auth/login/code', { pending_token: pendingToken, code }, { expectUnauthorized: true });
  return sessionUser();
};

export const signOut = (): Promise<void> => api.post('/api/auth/logout');

/** Sets the user's own password; their other sessions end, this one stays. */
export const changePassword = (current: string, next: string): Promise<void> => api.post('/api/auth/password', { current_password: current, new_password: next });
