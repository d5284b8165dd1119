import { query } from '../../api/client';

/** What the board is filtered by; kept in the page's address so a link or the back button keeps it. */
export interface BoardFilters {
  status: string;
  service: string;
  department: string;
  region: string;
  place: string;
  from: string;
  to: string;
  assignee: '' | 'me' | 'none';
  priority: string;
  overdue: boolean;
  q: string;
}

export const NO_FILTERS: BoardFilters = { status: '', service: '', department: '', region: '', place: '', from: '', to: '', assignee: '', priority: '', overdue: false, q: '' };

const TEXT_KEYS = ['status', 'service', 'department', 'region', 'place', 'from', 'to', 'priority', 'q'] as const;

export const filtersFromSearch = (search: string): BoardFilters => {
  const params = new URLSearchParams(search);
  const filters: BoardFilters = { ...NO_FILTERS };
  for (const key of TEXT_KEYS) filters[key] = params.get(key) ?? '';
  const assignee = params.get('assignee');
  filters.assignee = assignee === 'me' || assignee === 'none' ? assignee : '';
  filters.overdue = params.get('overdue') === '1';
  return filters;
};

const orUndefined = (value: string): string | undefined => value || undefined;

/** The board's address for these filters ("" when none). */
export const searchOf = (filters: BoardFilters): string =>
  query({
    ...Object.fromEntries(TEXT_KEYS.map((key) => [key, orUndefined(filters[key])])),
    assignee: orUndefined(filters.assignee),
    overdue: filters.overdue ? '1' : undefined,
  });

export const PAGE_SIZE = 50;

/** The API call for one page of the board. */
export const listPath = (filters: BoardFilters, before?: number): string =>
  `/api/requests${query({
    status: orUndefined(filters.status),
    service_code: orUndefined(filters.service),
    department: orUndefined(filters.department),
    region: orUndefined(filters.region),
    place: orUndefined(filters.place),
    created_from: orUndefined(filters.from),
    created_to: orUndefined(filters.to),
    assignee: orUndefined(filters.assignee),
    priority: orUndefined(filters.priority),
    overdue: filters.overdue ? 'true' : undefined,
    q: orUndefined(filters.q.trim()),
    before: before === undefined ? undefined : String(before),
    limit: String(PAGE_SIZE),
  })}`;

export const hasFilters = (filters: BoardFilters): boolean => searchOf(filters) !== '';
