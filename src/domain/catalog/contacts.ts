export interface EmergencyLine {
  id: string;
  name: string;
  phone: string;
  hours: string | null;
  what: string;
  source: string;
  sourceDate: string | null;
}

export interface ContactLine {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  hours: string | null;
  what: string;
  departmentId: string | null;
  /** superseded: kept for reference, never shown to citizens. */
  status: 'current' | 'superseded';
  source: string;
  sourceDate: string | null;
}

export interface ContactDirectory {
  emergency: EmergencyLine[];
  lines: ContactLine[];
}

/** "SAMU 192 · Bombeiros 193 · …" in the profile's order, for urgent-sounding messages. */
export const emergencyLine = (contacts: ContactDirectory, separator = ' · '): string =>
  contacts.emergency.map((e) => `${e.name} ${e.phone}`).join(separator);

export const currentLines = (contacts: ContactDirectory): ContactLine[] => contacts.lines.filter((l) => l.status === 'current');
