import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { QueueRow } from '../../storage/repositories/handoffs.repository.js';
import type { HandoffStatus } from '../handoffs/index.js';
import type { InboxItem, InboxViewer } from './types.js';
import { seesEveryQueue } from './visibility.js';

/** WhatsApp's customer-service window: free text only within 24 hours of the citizen's last message. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_QUEUE = 500;

export const isWindowOpen = (lastInboundAt: number | null, now: number): boolean => lastInboundAt !== null && now - Number(lastInboundAt) < WINDOW_MS;

export const toInboxItem = (row: QueueRow, now: number, staffNames: ReadonlyMap<number, string> = new Map()): InboxItem => ({
  id: Number(row.id),
  citizenKey: row.citizen_key,
  citizenName: row.registered_name ?? row.profile_name,
  phone: row.wa_id || null,
  departmentId: row.department_id,
  status: row.status,
  urgent: row.urgent === 1,
  askedWhileOpen: row.attendance_open === 1,
  takenBy: row.taken_by === null ? null : Number(row.taken_by),
  takenByName: row.taken_by === null ? null : (staffNames.get(Number(row.taken_by)) ?? null),
  waitingSince: Number(row.created_at),
  updatedAt: Number(row.updated_at),
  message: row.message,
  windowOpen: isWindowOpen(row.last_inbound_at, now),
});

/**
 * The viewer's queues, oldest first: the citizens waiting for a person and those being attended. An attendant of a
 * department sees that department's queue; everyone else every queue, the general one included.
 */
export const listInbox = async (
  db: Executor,
  repos: Repositories,
  viewer: InboxViewer,
  filter: { statuses?: readonly HandoffStatus[] | undefined; departmentId?: string | undefined },
  now: number,
): Promise<InboxItem[]> => {
  const own = seesEveryQueue(viewer) ? undefined : [viewer.departmentId];
  const asked = filter.departmentId === undefined ? undefined : [filter.departmentId];
  const departments = own && asked ? own.filter((d) => asked.includes(d as string)) : (own ?? asked);
  const rows = await repos.handoffs.queue(db, { statuses: filter.statuses ?? ['waiting', 'taken'], departments, limit: MAX_QUEUE });
  const holders = await repos.users.byIds(db, rows.flatMap((row) => (row.taken_by === null ? [] : [Number(row.taken_by)])));
  const names = new Map(holders.map((user) => [Number(user.id), user.name]));
  return rows.map((row) => toInboxItem(row, now, names));
};
