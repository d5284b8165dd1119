import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

const rita = { email: 'rita.souza@palmas.to.gov.br', name: 'Rita de Cássia Souza' };

describe('the password policy for passwords people choose', () => {
  it('takes a short phrase and refuses the short, the repetitive, the common and the personal', () => {
    expect(passwordProblem('luz acesa na quadra', rita)).toBeUndefined();
    expect(passwordProblem('curta', rita)).toContain('ao menos 10 caracteres');
    expect(passwordProblem('aaaaaaaaaaaa', rita)).toContain('variedade');
    expect(passwordProblem('1234567890', rita)).toContain('muito comum');
    expect(passwordProblem('Palmas2026!', rita)).toContain('muito comum');
    expect(passwordProblem('eu sou a cassia', rita)).toContain('nome');
    expect(passwordProblem('ritasouza-2026', rita)).toContain('e-mail');
  });
});
