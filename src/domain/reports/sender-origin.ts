import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { stateOfAreaCode } from './area-codes.js';

/** Where a sender's number comes from: its country (ISO 3166, "BR") and, for Brazil, its state ("TO", "GO"). */
export interface SenderOrigin {
  /** Unknown when the number is missing (a business-scoped id only) or not a valid international number. */
  country: string | undefined;
  state: string | undefined;
}

/** Brazilian mobiles are 55 + DDD + 9 digits, landlines 55 + DDD + 8. */
const BRAZILIAN = /^55(\d{2})\d{8,9}$/;

/** The origin of a WhatsApp id (the number, digits only, as Meta sends `wa_id`). */
export const senderOrigin = (waId: string): SenderOrigin => {
  const digits = waId.replace(/\D/g, '');
  const brazilian = BRAZILIAN.exec(digits);
  if (brazilian) return { country: 'BR', state: stateOfAreaCode(Number(brazilian[1])) };
  if (digits.length === 0) return { country: undefined, state: undefined };
  return { country: parsePhoneNumberFromString(`+${digits}`)?.country, state: undefined };
};
