import { describe, expect, it } from 'vitest';
import { fieldsFrom } from '../../console/src/api/client.js';

describe("the server's refused fields, for the console's forms", () => {
  it('puts the message beside the first field it names, and asks to check the others', () => {
    const body = { error: { code: 'invalid_entry', message: 'Resposta: no máximo 700 caracteres', fields: ['answer', 'howToAsk'] } };
    expect(fieldsFrom(body, body.error.message)).toEqual({ answer: 'No máximo 700 caracteres', howToAsk: 'Confira este campo.' });
  });

  it('reads schema paths beside the error as dotted names', () => {
    expect(fieldsFrom({ error: { code: 'invalid_input', message: 'Dados inválidos: confira os campos destacados.' }, fields: ['howToAsk/0', 'review/note'] }, 'Dados inválidos: confira os campos destacados.')).toEqual({
      'howToAsk.0': 'Confira este campo.',
      'review.note': 'Confira este campo.',
    });
  });

  it('takes messages by field as they come, and nothing from an answer without fields', () => {
    expect(fieldsFrom({ error: { fields: { officialUrl: 'Endereço inválido' } } }, 'x')).toEqual({ officialUrl: 'Endereço inválido' });
    expect(fieldsFrom({ error: { code: 'forbidden', message: 'Sem permissão' } }, 'Sem permissão')).toEqual({});
    expect(fieldsFrom(undefined, '')).toEqual({});
  });
});
