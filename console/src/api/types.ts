/** Shapes of the server's answers the console reads (see /api/docs for the whole API). */

export type Role = 'admin' | 'coordinator' | 'attendant' | 'operator';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Null: every department. */
  department_id: string | null;
  /** Signed in with a password someone else chose: must set their own before anything else. */
  must_change_password: boolean;
}

export interface ConsoleConfig {
  city: { name: string; channel_name: string; timezone: string };
  simulator: boolean;
  map: { tile_url: string; attribution: string } | null;
  services: Array<{ code: string; name: string; department_id: string; kind: 'request' | 'information' }>;
  statuses: Array<{ code: string; label: string; next: string[] }>;
  /** Quadras and setores of the city, for filters and intake. */
  places: Array<{ id: string; name: string; region: string | null }>;
  /** What broadcasts are about; citizens opt in per topic. */
  topics: Array<{ id: string; title: string; description: string }>;
  /** The menu's sections of services. */
  groups: Array<{ id: string; title: string }>;
  /** The city outline as [lat, lng] vertices. */
  boundary: Array<[number, number]>;
}
