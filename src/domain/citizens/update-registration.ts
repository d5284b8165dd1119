import type { Executor } from '../../storage/database.js';
import type { ProfileChange } from '../../storage/repositories/citizens.repository.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import { placeOf } from './mapping.js';
import type { CitizenPlace } from './types.js';

export const MAX_NAME = 60;
export const MAX_PLACE_TEXT = 200;

export interface RegistrationChange {
  /** The name to be called by; blank clears it. */
  name?: string | undefined;
  /** Where they live; replaces the whole previous place. */
  place?: { placeId?: string | undefined; text: string; latitude?: number | undefined; longitude?: number | undefined } | undefined;
}

export type RegistrationErrorCode = 'invalid_name' | 'invalid_place';

/** Collapses spaces; a name needs at least one letter (emoji-only or digits-only names are refused). */
export const cleanName = (name: string): string | undefined => {
  const cleaned = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  return cleaned.length <= MAX_NAME && /\p{L}/u.test(cleaned) ? cleaned : undefined;
};

const validCoordinate = (lat: number | undefined, lng: number | undefined): boolean =>
  (lat === undefined && lng === undefined) ||
  (lat !== undefined && lng !== undefined && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180);

/** Saves the optional registration answers given so far (each step of the conversation saves its own). */
export const updateRegistration = async (
  db: Executor,
  repos: Repositories,
  key: string,
  change: RegistrationChange,
  now: number,
): Promise<Result<{ name: string | null; place: CitizenPlace | null }, RegistrationErrorCode>> => {
  const set: ProfileChange = {};
  if (change.name !== undefined) {
    if (change.name.trim() === '') set.name = null;
    else {
      const name = cleanName(change.name);
      if (!name) return fail('invalid_name', 'invalid_input', `a name has letters and at most ${MAX_NAME} characters`);
      set.name = name;
    }
  }
  if (change.place !== undefined) {
    const { placeId, text, latitude, longitude } = change.place;
    const trimmed = text.trim();
    if (trimmed.length > MAX_PLACE_TEXT || (placeId !== undefined && placeId.length > 100) || !validCoordinate(latitude, longitude))
      return fail('invalid_place', 'invalid_input', 'place text too long or coordinates out of range');
    set.place_id = placeId ?? null;
    set.place_text = trimmed || null;
    set.place_latitude = latitude ?? null;
    set.place_longitude = longitude ?? null;
  }
  const row = Object.keys(set).length > 0 ? await repos.citizens.updateProfile(db, key, set, now) : await repos.citizens.profileByKey(db, key);
  return ok({ name: row?.name ?? null, place: placeOf(row) });
};
