import { useEffect } from 'react';
import { NotFoundPage } from '../../app/NotFoundPage';
import { Link, navigate } from '../../app/router';
import { PageHeader } from '../../ui/PageHeader';
import { ClassifierPage } from './classifier/ClassifierPage';
import { ClosuresPage } from './closures/ClosuresPage';

/** The parts of Configurações; add one here when it is built. */
const TABS = [
  { path: '/configuracoes/fechamentos', label: 'Fechamentos', render: () => <ClosuresPage /> },
  { path: '/configuracoes/classificador', label: 'Testar classificador', render: () => <ClassifierPage /> },
];
const FIRST_TAB = TABS[0]?.path ?? '/';

export const SettingsPage = ({ path }: { path: string }) => {
  const tab = TABS.find((t) => t.path === path);
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
        {TABS.map((t) => (
          <Link key={t.path} to={t.path} className="tabs__tab" aria-current={t === tab ? 'page' : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      {tab.render()}
    </>
  );
};
