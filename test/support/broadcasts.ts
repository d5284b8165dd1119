import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../src/platform/paths.js';
import { openStorage, type Db } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { createRepositories, type Repositories } from '../../src/storage/repositories/index.js';

export interface SeedCitizen {
  key: string;
  /** Opted in to broadcasts (default true); `false`: never; 'left': opted in, then out. */
  optIn?: boolean | 'left';
  placeId?: string | null;
  topics?: string[];
}

/** Citizens with their profile (opt-in, place) and broadcast topics, as the consent conversation leaves them. */
export const seedCitizens = async (db: Db, citizens: readonly SeedCitizen[], at = 1_000): Promise<void> => {
  for (let i = 0; i < citizens.length; i += 500) {
    const chunk = citizens.slice(i, i + 500);
    await db.insertInto('citizens').values(chunk.map((c) => ({ key: c.key, wa_id: c.key, user_id: null, profile_name: null, first_seen_at: at, last_inbound_at: at }))).execute();
    await db
      .insertInto('citizen_profiles')
      .values(
        chunk.map((c) => ({
          citizen_key: c.key,
          name: null,
          place_id: c.placeId ?? null,
          place_text: null,
          place_latitude: null,
          place_longitude: null,
          consent_accepted_at: at,
          consent_declined_at: null,
          consent_notice: null,
          broadcast_opted_in_at: c.optIn === false ? null : at,
          broadcast_opted_out_at: c.optIn === 'left' ? at + 1 : null,
          broadcast_source: 'whatsapp',
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    const topics = chunk.flatMap((c) => (c.topics ?? []).map((topic) => ({ citizen_key: c.key, topic_id: topic, opted_in_at: at })));
    if (topics.length > 0) await db.insertInto('citizen_topics').values(topics).execute();
  }
};

/** `count` opted-in citizens with Palmas mobile numbers starting at 5563990000000 + `from`. */
export const optedInCitizens = (count: number, from = 0): SeedCitizen[] =>
  Array.from({ length: count }, (_, i) => ({ key: `55639${String(90_000_000 + from + i).padStart(8, '0')}` }));

/** An approved template in the registry, as a sync from Meta would store it. */
export const approvedTemplate = async (db: Db, repos: Repositories, name: string, body: string, options: { header?: { format: 'IMAGE' | 'TEXT'; text: string | null }; status?: string } = {}): Promise<void> => {
  const components = { header: options.header ?? null, body, footer: null, buttons: [] };
  const parameters = new Set([...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => m[1])).size;
  await repos.templates.insert(
    db,
    { name, language: 'pt_BR', category: 'UTILITY', status: options.status ?? 'APPROVED', components: JSON.stringify(components), bodyParameters: parameters, metaId: null, source: 'manual', statusReason: null },
    null,
    1_000,
  );
};

/**
 * A copy of the Palmas profile whose timezone puts the wall clock at about `hour` o'clock now, so a server process
 * on the real clock is inside or outside the broadcast quiet hours as a test needs, whatever time the test runs.
 */
export const cityProfileAt = (hour: number): string => {
  const dir = mkdtempSync(join(tmpdir(), 'wp-city-'));
  cpSync(fromRoot('city', 'palmas'), dir, { recursive: true });
  const offset = ((((hour - new Date().getUTCHours()) % 24) + 36) % 24) - 12;
  const profile = JSON.parse(readFileSync(join(dir, 'city.json'), 'utf8')) as Record<string, unknown>;
  // Etc/GMT zones have the sign reversed: Etc/GMT-3 is three hours ahead of UTC.
  profile.timezone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  writeFileSync(join(dir, 'city.json'), JSON.stringify(profile));
  return dir;
};

/** The database as a server process will find it: migrated, with opted-in citizens and an approved rain-alert template. */
export const prepareBroadcastDatabase = async (url: string, citizens: readonly SeedCitizen[]): Promise<void> => {
  const storage = openStorage(url);
  try {
    await migrateToLatest(storage);
    await seedCitizens(storage.db, citizens);
    await approvedTemplate(storage.db, createRepositories(storage.dialect), 'aviso_defesa_civil', 'Defesa Civil: {{1}}');
  } finally {
    await storage.close();
  }
};
