import type { ReactNode } from 'react';
import type { User } from '../api/types';
import { CITIZENS_ROOT } from '../features/citizens/citizens-api';
import { CitizensPage } from '../features/citizens/CitizensPage';
import { CartaPage } from '../features/carta/CartaPage';
import { CARTA_ROOT } from '../features/carta/carta-paths';
import { BROADCASTS_ROOT, BroadcastsPage } from '../features/broadcasts/BroadcastsPage';
import { REPORTS_ROOT, ReportsPage } from '../features/reports/ReportsPage';
import { attendsConversations, isCoordinator } from '../features/auth/roles';
import { AccountPage } from '../features/auth/AccountPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { INBOX_ROOT, InboxPage } from '../features/inbox/InboxPage';
import { INTAKE_PATH, REQUESTS_ROOT, RequestsPage } from '../features/requests/RequestsPage';
import { SettingsPage } from '../features/settings/SettingsPage';

export const ACCOUNT_PATH = '/conta';

/** A top-level part of the console: its menu entry and the paths it answers. Add a section here when it is built. */
export interface Section {
  label: string;
  /** Where the menu entry leads. */
  path: string;
  /** Whether a path belongs to this section (the menu marks it as current). */
  owns: (path: string) => boolean;
  render: (path: string) => ReactNode;
  /** Who has it in their menu (left out: everyone); the API enforces the same rule. */
  shownTo?: (user: User) => boolean;
  /** false: reached from elsewhere (the user's name in the top bar), not listed in the menu. */
  inMenu?: false;
}

export const SECTIONS: Section[] = [
  { label: 'Painel', path: '/', owns: (path) => path === '/', render: () => <DashboardPage /> },
  {
    label: 'Atendimento',
    path: INBOX_ROOT,
    owns: (path) => path === INBOX_ROOT || path.startsWith(`${INBOX_ROOT}/`),
    render: (path) => <InboxPage path={path} />,
    shownTo: attendsConversations,
  },
  {
    label: 'Cidadãos',
    path: CITIZENS_ROOT,
    owns: (path) => path === CITIZENS_ROOT || path.startsWith(`${CITIZENS_ROOT}/`),
    render: (path) => <CitizensPage path={path} />,
  },
  {
    label: 'Pedidos',
    path: REQUESTS_ROOT,
    owns: (path) => (path === REQUESTS_ROOT || path.startsWith(`${REQUESTS_ROOT}/`)) && path !== INTAKE_PATH,
    render: (path) => <RequestsPage path={path} />,
  },
  {
    label: 'Registrar ligação',
    path: INTAKE_PATH,
    owns: (path) => path === INTAKE_PATH,
    render: (path) => <RequestsPage path={path} />,
  },
  {
    label: 'Carta de Serviços',
    path: CARTA_ROOT,
    owns: (path) => path === CARTA_ROOT || path.startsWith(`${CARTA_ROOT}/`),
    render: (path) => <CartaPage path={path} />,
  },
  {
    label: 'Avisos',
    path: BROADCASTS_ROOT,
    owns: (path) => path === BROADCASTS_ROOT || path.startsWith(`${BROADCASTS_ROOT}/`),
    render: (path) => <BroadcastsPage path={path} />,
    shownTo: isCoordinator,
  },
  {
    label: 'Relatórios',
    path: REPORTS_ROOT,
    owns: (path) => path === REPORTS_ROOT,
    render: () => <ReportsPage />,
    shownTo: isCoordinator,
  },
  {
    label: 'Configurações',
    path: '/configuracoes',
    owns: (path) => path === '/configuracoes' || path.startsWith('/configuracoes/'),
    render: (path) => <SettingsPage path={path} />,
  },
  { label: 'Minha conta', path: ACCOUNT_PATH, owns: (path) => path === ACCOUNT_PATH, render: () => <AccountPage />, inMenu: false },
];

/** The sections in the user's menu. */
export const sectionsFor = (user: User): Section[] => SECTIONS.filter((section) => section.shownTo?.(user) ?? true);

export const sectionOf = (sections: Section[], path: string): Section | undefined => sections.find((section) => section.owns(path));
