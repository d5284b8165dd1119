import { useEffect } from 'react';
import { NotFoundPage } from '../../app/NotFoundPage';
import { Link, navigate } from '../../app/router';
import type { User } from '../../api/types';
import { useConsole } from '../../app/console-context';
import { PageHeader } from '../../ui/PageHeader';
import { isCoordinator } from '../auth/roles';
import { AuditPage } from './audit/AuditPage';
import { CatalogTextsPage } from './catalog/CatalogTextsPage';
import { ClassifierPage } from './classifier/ClassifierPage';
import { ClosuresPage } from './closures/ClosuresPage';
import { DepartmentsPage } from './departments/DepartmentsPage';
import { FailuresPage } from './failures/FailuresPage';
import { TemplatesPage } from './templates/TemplatesPage';
import { HoursPage } from './hours/HoursPage';
import { KeysPage } from './keys/KeysPage';
import { UsersPage } from './users/UsersPage';
import './settings.css';

const isAdmin = (user: User): boolean => user.role === 'admin';

/** The parts of Configurações and who sees each (the API enforces the same); add one here when it is built. */
const TABS = [
  { path: '/configuracoes/horarios', label: 'Horários e feriados', render: () => <HoursPage />, shownTo: () => true },
  { path: '/configuracoes/fechamentos', label: 'Fechamentos', render: () => <ClosuresPage />, shownTo: () => true },
  { path: '/configuracoes/secretarias', label: 'Secretarias', render: () => <DepartmentsPage />, shownTo: () => true },
  { path: '/configuracoes/servicos', label: 'Textos dos serviços', render: () => <CatalogTextsPage />, shownTo: isCoordinator },
  { path: '/configuracoes/classificador', label: 'Robô: frases e teste', render: () => <ClassifierPage />, shownTo: () => true },
  { path: '/configuracoes/modelos', label: 'Modelos de mensagem', render: () => <TemplatesPage />, shownTo: isCoordinator },
  { path: '/configuracoes/usuarios', label: 'Usuários', render: () => <UsersPage />, shownTo: isCoordinator },
  { path: '/configuracoes/chaves', label: 'Chaves Open311', render: () => <KeysPage />, shownTo: isAdmin },
  { path: '/configuracoes/falhas', label: 'Falhas de envio', render: () => <FailuresPage />, shownTo: isAdmin },
  { path: '/configuracoes/auditoria', label: 'Auditoria', render: () => <AuditPage />, shownTo: isAdmin },
];
const FIRST_TAB = TABS[0]?.path ?? '/';

export const SettingsPage = ({ path }: { path: string }) => {
  const { user } = useConsole();
  const tabs = TABS.filter((t) => t.shownTo(user));
  const tab = tabs.find((t) => t.path === path);
  const isSectionRoot = path === '/configuracoes' || path === '/configuracoes/';
  useEffect(() => {
    if (isSectionRoot) navigate(FIRST_TAB, { replace: true });
  }, [isSectionRoot]);
  if (isSectionRoot) return null;
  if (!tab) return <NotFoundPage />;
  return (
    <>
      <PageHeader title="Configurações" />
      <nav className="tabs" aria-label="Configurações">
        {tabs.map((t) => (
          <Link key={t.path} to={t.path} className="tabs__tab" aria-current={t === tab ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {tab.render()}
    </>
  );
};
