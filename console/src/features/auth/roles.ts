import type { Role, User } from '../../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administração',
  coordinator: 'Coordenação',
  attendant: 'Atendente',
  operator: 'Teleatendimento',
};

/** Coordinators and admins run the calendar, settings and queues; the API enforces the same rule. */
export const isCoordinator = (user: Pick<User, 'role'>): boolean => user.role === 'coordinator' || user.role === 'admin';

/** The phone team registers and looks up requests; everyone else also attends WhatsApp conversations. */
export const attendsConversations = (user: Pick<User, 'role'>): boolean => user.role !== 'operator';
