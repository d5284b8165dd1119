import { Link } from '../../app/router';
import { useConsole } from '../../app/console-context';
import { PageHeader } from '../../ui/PageHeader';
import { isCoordinator } from '../auth/roles';
import { EntriesPage } from './EntriesPage';
import { EntryPage } from './EntryPage';
import { NewEntryPage } from './NewEntryPage';
import { QuestionsPage } from './QuestionsPage';
import { CARTA_ROOT, NEW_ENTRY_PATH, QUESTIONS_PATH } from './carta-paths';
import './carta.css';


const Tabs = ({ path }: { path: string }) => {
  const { user } = useConsole();
  const tabs = [
    { path: CARTA_ROOT, label: 'Entradas' },
    { path: QUESTIONS_PATH, label: 'Perguntas sem resposta' },
    ...(isCoordinator(user) ? [{ path: NEW_ENTRY_PATH, label: 'Nova entrada' }] : []),
  ];
  return (
    <nav className="tabs" aria-label="Carta de Serviços">
      {tabs.map((t) => (
        <Link key={t.path} to={t.path} className="tabs__tab" aria-current={t.path === path ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
};

/** /carta (the entries), /carta/perguntas, /carta/nova and /carta/<id> (one entry, its editor and preview). */
export const CartaPage = ({ path }: { path: string }) => {
  const { user } = useConsole();
  const rest = path.slice(CARTA_ROOT.length + 1).replace(/\/$/, '');
  if (rest && path !== QUESTIONS_PATH && path !== NEW_ENTRY_PATH) {
    const id = decodeURIComponent(rest);
    return <EntryPage key={id} id={id} />;
  }
  return (
    <>
      <PageHeader
        title="Carta de Serviços"
        subtitle="O que o robô responde quando o cidadão pergunta como, onde, quando e quanto — e o que a página pública mostra."
      />
      <Tabs path={path} />
      {path === QUESTIONS_PATH ? <QuestionsPage /> : path === NEW_ENTRY_PATH && isCoordinator(user) ? <NewEntryPage /> : <EntriesPage />}
    </>
  );
};
