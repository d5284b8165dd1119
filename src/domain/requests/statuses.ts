import type { ServiceRequestStatus } from '../../storage/schema.js';

export type RequestStatus = ServiceRequestStatus;

/** In the order a request usually moves; CONTRACT.md names. */
export const REQUEST_STATUSES: readonly RequestStatus[] = ['aberto', 'em_analise', 'encaminhado', 'em_execucao', 'concluido', 'indeferido', 'cancelado'];

export const isRequestStatus = (value: string): value is RequestStatus => (REQUEST_STATUSES as readonly string[]).includes(value);

/**
 * Which status may follow which, for staff and the system. Work may skip steps forward (a small job goes from
 * aberto straight to em_execucao) and go back to analysis when a team sends it back; concluido and indeferido may
 * be reopened into em_analise (the citizen says it was not solved; a coordinator reverses a refusal); cancelado
 * is final. Staying in the same status is not a transition (notes are separate).
 */
export const STATUS_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  aberto: ['em_analise', 'encaminhado', 'em_execucao', 'concluido', 'indeferido', 'cancelado'],
  em_analise: ['encaminhado', 'em_execucao', 'concluido', 'indeferido', 'cancelado'],
  encaminhado: ['em_analise', 'em_execucao', 'concluido', 'indeferido', 'cancelado'],
  em_execucao: ['em_analise', 'encaminhado', 'concluido', 'cancelado'],
  concluido: ['em_analise'],
  indeferido: ['em_analise'],
  cancelado: [],
};

/** What a citizen may do themselves: cancel before work starts, or reopen a conclusion that did not solve it. */
export const CITIZEN_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  aberto: ['cancelado'],
  em_analise: ['cancelado'],
  encaminhado: ['cancelado'],
  em_execucao: [],
  concluido: ['em_analise'],
  indeferido: [],
  cancelado: [],
};

/** 'citizen', 'system' (bot, schedulers, Open311 intake) or 'attendant:<user id>'. */
export type Actor = 'citizen' | 'system' | `attendant:${string}`;

export const attendantActor = (userId: number | string): Actor => `attendant:${userId}`;

export const canTransition = (from: RequestStatus, to: RequestStatus, actor: Actor = 'system'): boolean =>
  (actor === 'citizen' ? CITIZEN_TRANSITIONS : STATUS_TRANSITIONS)[from].includes(to);

/** Open311 maps concluido, indeferido and cancelado to "closed", the rest to "open". */
export const isClosedStatus = (status: RequestStatus): boolean => status === 'concluido' || status === 'indeferido' || status === 'cancelado';

/** Statuses of requests still being worked on (Open311 "open"). */
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((status) => !isClosedStatus(status));
