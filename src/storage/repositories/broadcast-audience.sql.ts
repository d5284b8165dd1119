import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';

/** Who a broadcast may reach, in the terms the database knows: topic ids and place ids (or place-id prefixes). */
export interface AudienceFilter {
  /** Empty: every topic; else the citizen must be opted in to one of them. */
  topics: readonly string[];
  /** Empty with no prefixes: everywhere; else the citizen's place must be one of them… */
  placeIds: readonly string[];
  /** …or start with one of these (places recognised by pattern, e.g. `quadra-sul:`). */
  placePrefixes: readonly string[];
}

type ProfileScope = ExpressionBuilder<Database, 'citizen_profiles'>;

/**
 * Opted in to broadcasts right now (the opt-in set, no opt-out after it), and to one of the topics when there are
 * any. Nobody else is ever in an audience.
 */
export const optedIn = (eb: ProfileScope, topics: readonly string[]): Expression<SqlBool> =>
  eb.and([
    eb('citizen_profiles.broadcast_opted_in_at', 'is not', null),
    eb('citizen_profiles.broadcast_opted_out_at', 'is', null),
    ...(topics.length > 0
      ? [
          eb.exists(
            eb
              .selectFrom('citizen_topics')
              .select(sql.lit(1).as('one'))
              .whereRef('citizen_topics.citizen_key', '=', 'citizen_profiles.citizen_key')
              .where('citizen_topics.topic_id', 'in', [...topics]),
          ),
        ]
      : []),
  ]);

/** Lives in one of the places, when the filter names any. */
export const livesIn = (eb: ProfileScope, filter: AudienceFilter): Expression<SqlBool> => {
  const conditions: Expression<SqlBool>[] = [
    ...(filter.placeIds.length > 0 ? [eb('citizen_profiles.place_id', 'in', [...filter.placeIds])] : []),
    ...filter.placePrefixes.map((prefix) => sql<SqlBool>`substr(citizen_profiles.place_id, 1, ${prefix.length}) = ${prefix}`),
  ];
  return conditions.length > 0 ? eb.or(conditions) : sql<SqlBool>`1 = 1`;
};

export const inAudience = (eb: ProfileScope, filter: AudienceFilter): Expression<SqlBool> => eb.and([optedIn(eb, filter.topics), livesIn(eb, filter)]);
