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

/** Opens a session (the server sets an http-only cookie) and returns the user with their department. */
export const signIn = async (email: string, password: string): Promise<User> => {
  await api.post('/api/auth/login', { email, password }, { expectUnauthorized: true });
  const user = await currentUser();
  if (!user) throw new ApiError(401, 'auth.required', 'A sessão não foi aberta. Verifique se o navegador aceita cookies.');
  return user;
};

export const signOut = (): Promise<void> => api.post('/api/auth/logout');

/** Sets the user's own password; their other sessions end, this one stays. */
export const changePassword = (current: string, next: string): Promise<void> => api.post('/api/auth/password', { current_password: current, new_password: next });
