export interface Figures {
  messages_received: number;
  messages_sent: number;
  citizens: number;
  requests_opened: number;
  requests_closed: number;
}

export interface Duration {
  count: number;
  average_minutes: number | null;
}

export interface Summary extends Figures {
  from: string;
  to: string;
  messages_inside_hours: number;
  messages_outside_hours: number;
  by_service: Record<string, number>;
  by_group: Record<string, number>;
  by_department: Record<string, number>;
  by_state: Record<string, number>;
  by_country: Record<string, number>;
  by_day: Array<{ day: string; received: number; sent: number }>;
  citizens_registered: number;
  citizens_opted_in: number;
  first_response: Duration;
  requests: {
    backlog: number;
    on_time_rate: number | null;
    by_service: Record<string, number>;
    by_department: Record<string, number>;
    closed_by_status: Record<string, number>;
    top_places: Array<{ place_id: string; name: string; n: number }>;
    resolution: Duration;
    ratings: { count: number; average: number | null };
  };
  previous: Figures & { from: string; to: string };
}

export const summaryPath = (from: string, to: string, format?: 'csv') => `/api/reports/summary?from=${from}&to=${to}${format ? `&format=${format}` : ''}`;
