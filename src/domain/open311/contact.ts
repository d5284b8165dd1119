import { whatsAppIdsOf } from '../citizens/index.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';

/** The known citizen with this phone number on WhatsApp, if any (the number written any way). */
export const citizenKeyForPhone = async (db: Executor, repos: Repositories, phone: string | undefined): Promise<string | null> =>
  phone ? ((await repos.citizens.byWaIds(db, whatsAppIdsOf(phone)))?.key ?? null) : null;
