import type { ReactNode } from 'react';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { INBOX_ROOT, InboxPage } from '../features/inbox/InboxPage';
import { SettingsPage } from '../features/settings/SettingsPage';

/** A top-level part of the console: its menu entry and the paths it answers. Add a section here when it is built. */
export interface Section {
  label: string;
  /** Where the menu entry leads. */
  path: string;
  /** Whether a path belongs to this section (the menu marks it as current). */
  owns: (path: string) => boolean;
  render: (path: string) => ReactNode;
}

export const SECTIONS: Section[] = [
  { label: 'Painel', path: '/', owns: (path) => path === '/', render: () => <DashboardPage /> },
  {
    label: 'Atendimento',
    path: INBOX_ROOT,
    owns: (path) => path === INBOX_ROOT || path.startsWith(`${INBOX_ROOT}/`),
    render: (path) => <InboxPage path={path} />,
  },
  {
    label: 'Configurações',
    path: '/configuracoes',
    owns: (path) => path === '/configuracoes' || path.startsWith('/configuracoes/'),
    render: (path) => <SettingsPage path={path} />,
  },
];

export const sectionOf = (path: string): Section | undefined => SECTIONS.find((section) => section.owns(path));
