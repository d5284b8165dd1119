import { describe, expect, it } from 'vitest';
import { canTransition, CITIZEN_TRANSITIONS, isClosedStatus, REQUEST_STATUSES, STATUS_TRANSITIONS } from './statuses.js';

describe('status transitions', () => {
  it('cover every status, never to itself, and cancelado is final', () => {
    expect(Object.keys(STATUS_TRANSITIONS).sort()).toEqual([...REQUEST_STATUSES].sort());
    for (const status of REQUEST_STATUSES) expect(STATUS_TRANSITIONS[status]).not.toContain(status);
    expect(STATUS_TRANSITIONS.cancelado).toEqual([]);
  });

  it('citizens can do a subset of what staff can', () => {
    for (const status of REQUEST_STATUSES) for (const to of CITIZEN_TRANSITIONS[status]) expect(STATUS_TRANSITIONS[status]).toContain(to);
  });

  it('lets work move forward and back to analysis', () => {
    expect(canTransition('aberto', 'em_analise')).toBe(true);
    expect(canTransition('aberto', 'em_execucao', 'attendant:7')).toBe(true);
    expect(canTransition('encaminhado', 'em_analise')).toBe(true);
    expect(canTransition('em_execucao', 'concluido')).toBe(true);
    expect(canTransition('concluido', 'em_analise')).toBe(true);
    expect(canTransition('indeferido', 'em_analise')).toBe(true);
  });

  it('forbids going back to aberto, leaving cancelado, refusing work under way, and staying put', () => {
    expect(canTransition('em_analise', 'aberto')).toBe(false);
    expect(canTransition('cancelado', 'em_analise')).toBe(false);
    expect(canTransition('em_execucao', 'indeferido')).toBe(false);
    expect(canTransition('concluido', 'cancelado')).toBe(false);
    expect(canTransition('aberto', 'aberto')).toBe(false);
  });

  it('citizens may cancel before work starts and reopen a conclusion, nothing else', () => {
    expect(canTransition('aberto', 'cancelado', 'citizen')).toBe(true);
    expect(canTransition('encaminhado', 'cancelado', 'citizen')).toBe(true);
    expect(canTransition('em_execucao', 'cancelado', 'citizen')).toBe(false);
    expect(canTransition('concluido', 'em_analise', 'citizen')).toBe(true);
    expect(canTransition('aberto', 'concluido', 'citizen')).toBe(false);
  });

  it('maps the last three to Open311 closed', () => {
    expect(REQUEST_STATUSES.filter(isClosedStatus)).toEqual(['concluido', 'indeferido', 'cancelado']);
  });
});
