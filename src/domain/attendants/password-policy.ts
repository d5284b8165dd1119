/** Long enough to resist guessing offline, short enough for a phrase people remember (NIST SP 800-63B style). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Passwords people pick first; a list of the obvious, not a dictionary: length does most of the work. */
const COMMON = [
  '1234567890', '0123456789', '12345678910', '1234567891', 'qwertyuiop', 'asdfghjkl', 'senha12345', 'senha123456', 'minhasenha',
  'prefeitura', 'prefeitura123', 'palmas123', 'palmas2025', 'palmas2026', 'palmas2027', 'tocantins', 'whatspalmas', 'password123', 'brasil2026',
];

const folded = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Why a password a person chose for themselves is not good enough, in Portuguese for the console; undefined when it
 * is. No composition rules (they make passwords worse); instead length, the obvious choices, and nothing of the
 * person's own name or e-mail.
 */
export const passwordProblem = (password: string, person: { email: string; name: string }): string | undefined => {
  if (password.length < PASSWORD_MIN) return `A senha precisa de ao menos ${PASSWORD_MIN} caracteres. Uma frase curta é fácil de lembrar.`;
  if (password.length > PASSWORD_MAX) return `A senha pode ter no máximo ${PASSWORD_MAX} caracteres.`;
  const plain = folded(password);
  if (new Set(plain).size <= 2) return 'Escolha uma senha com mais variedade do que letras ou números repetidos.';
  if (COMMON.some((common) => plain.startsWith(folded(common)))) return 'Essa senha é muito comum. Escolha outra, por exemplo uma frase curta.';
  const own = [folded(person.email.split('@')[0] ?? ''), ...person.name.split(/\s+/).map(folded)].filter((part) => part.length >= 4);
  if (own.some((part) => plain.includes(part))) return 'A senha não pode conter o seu nome ou o seu e-mail.';
  return undefined;
};
