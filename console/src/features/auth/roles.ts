import type { Role, User } from '../../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administração',
  coordinator: 'Coordenação',
  attendant: 'Atendente',
};

/** Coordinators and admins run the calendar, settings and queues; the API enforces the same rule. */
export const isCoordinator = (user: Pick<User, 'role'>): boolean => user.role === 'coordinator' || user.role === 'admin';
