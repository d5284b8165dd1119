import { useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { Link } from '../../app/router';
import { useConsole } from '../../app/console-context';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { isCoordinator } from '../auth/roles';
import { CARTA_ENTRIES_PATH, entryPath, type CartaCategory, type CartaEntryDetail } from './carta-api';
import { EntryEditor } from './EntryEditor';
import { ReviewPill } from './review-state';
import { CARTA_ROOT } from './carta-paths';

/** One entry: its fields (editable by coordination), the answer as the citizen sees it, and a box to test questions. */
export const EntryPage = ({ id }: { id: string }) => {
  const { user } = useConsole();
  const detail = useApiGet<CartaEntryDetail>(entryPath(id));
  const list = useApiGet<{ categories: CartaCategory[] }>(CARTA_ENTRIES_PATH);
  const [saved, setSaved] = useState<string>();
  const back = (
    <Link to={CARTA_ROOT} className="button button--ghost">
      ← Carta de Serviços
    </Link>
  );

  if (detail.error) {
    return (
      <>
        <PageHeader title="Carta de Serviços" actions={back} />
        <Notice tone="error">{detail.error.status === 404 ? `Não há entrada “${id}” na Carta de Serviços.` : detail.error.message}</Notice>
      </>
    );
  }
  if (!detail.data || !list.data) return list.error ? <Notice tone="error">{list.error.message}</Notice> : <Loading label="Carregando a entrada…" />;
  const { entry, publicUrl, reviewDue } = detail.data;

  return (
    <>
      <PageHeader
        title={entry.title}
        subtitle={
          <span className="carta__header-facts">
            <ReviewPill reviewNeeded={entry.review.needed} reviewDue={reviewDue} />
            <code className="classification__code">{entry.id}</code>
          </span>
        }
        actions={
          <>
            {back}
            <a className="button button--secondary" href={publicUrl} target="_blank" rel="noreferrer">
              Ver na página pública ↗
            </a>
          </>
        }
      />
      {saved && <Notice tone="success">{saved}</Notice>}
      <EntryEditor
        key={JSON.stringify(entry)}
        detail={detail.data}
        categories={list.data.categories}
        canEdit={isCoordinator(user)}
        onSaved={(reviewed) => {
          setSaved(reviewed ? 'Salvo e marcado como revisado hoje. O robô e a página pública já usam esta versão.' : 'Salvo. O robô e a página pública já usam esta versão.');
          detail.reload();
        }}
      />
    </>
  );
};
