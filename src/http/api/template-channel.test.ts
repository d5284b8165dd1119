import { describe, expect, it } from 'vitest';
import { GraphError, GraphUnreachableError } from '../../channels/whatsapp-cloud/graph-errors.js';
import { describeSyncFailure } from './template-channel.js';

describe('a failed template sync', () => {
  it('tells the coordinator what to do, by the kind of failure', () => {
    expect(describeSyncFailure(new GraphError(190, 401, 'token expired'))).toContain('renovar o token');
    expect(describeSyncFailure(new GraphUnreachableError('no answer within 15000 ms'))).toContain('Não foi possível falar com a Meta');
    expect(describeSyncFailure(new GraphError(100, 400, 'Object does not exist'))).toContain('WHATSAPP_BUSINESS_ACCOUNT_ID');
    for (const error of [new GraphError(190, 401, ''), new Error('boom')]) expect(describeSyncFailure(error)).toContain('Nada foi alterado');
  });
});
