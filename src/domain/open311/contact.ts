import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';

/**
 * The WhatsApp ids a Brazilian phone number may have: country code 55 added to a DDD + number, and the mobile
 * number with and without its ninth digit (WhatsApp kept the 8-digit form for accounts created before 2012).
 */
export const whatsappIdsFor = (phone: string): string[] => {
  const digits = phone.replace(/\D/g, '').replace(/^0+/, '');
  const full = digits.length === 10 || digits.length === 11 ? `55${digits}` : digits;
  if (!/^55\d{10,11}$/.test(full)) return [];
  const ddd = full.slice(2, 4);
  const number = full.slice(4);
  if (number.length === 9 && number.startsWith('9')) return [full, `55${ddd}${number.slice(1)}`];
  if (number.length === 8 && /^[6-9]/.test(number)) return [full, `55${ddd}9${number}`];
  return [full];
};

/** The known citizen with this phone number on WhatsApp, if any. */
export const citizenKeyForPhone = async (db: Executor, repos: Repositories, phone: string | undefined): Promise<string | null> => {
  for (const id of phone ? whatsappIdsFor(phone) : []) {
    const citizen = await repos.citizens.byKey(db, id);
    if (citizen) return citizen.key;
  }
  return null;
};
