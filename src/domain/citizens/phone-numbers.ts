/**
 * The WhatsApp ids a Brazilian phone number may have. Callers give numbers in every shape ("(63) 99999-0101",
 * "063 9999 0101", "+55 63 9..."), and WhatsApp accounts created before the ninth mobile digit keep ids without
 * it (55 63 9999-0101), so both forms are tried. Returns [] for text that is not a Brazilian number.
 */
export const whatsAppIdsOf = (phone: string): string[] => {
  let digits = phone.replace(/\D/g, '').replace(/^0+/, '');
  const international = phone.trim().startsWith('+');
  if (!international && (digits.length === 10 || digits.length === 11)) digits = `55${digits}`;
  if (!/^55\d{10,11}$/.test(digits)) return [];
  const area = digits.slice(2, 4);
  const local = digits.slice(4);
  if (local.length === 9 && local.startsWith('9')) return [digits, `55${area}${local.slice(1)}`];
  if (local.length === 8 && /^[6-9]/.test(local)) return [digits, `55${area}9${local}`];
  return [digits];
};
