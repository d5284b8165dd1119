import { useState, type FormEvent } from 'react';
import { asApiError, useApiGet } from '../../api/use-api-get';
import { navigate } from '../../app/router';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { AnswerPreview } from './AnswerPreview';
import { CARTA_ENTRIES_PATH, cartaApi, type CartaCategory } from './carta-api';
import { emptyDraft, entryOf, suggestedId, type EntryDraft } from './entry-draft';
import { EntryFields } from './EntryFields';
import { entryPagePath } from './carta-paths';

const today = (): string => new Date().toISOString().slice(0, 10);

const NewEntryForm = ({ categories }: { categories: readonly CartaCategory[] }) => {
  const [draft, setDraft] = useState<EntryDraft>(() => emptyDraft(today(), categories[0]?.id ?? ''));
  const [idTouched, setIdTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; fields: Readonly<Record<string, string>> }>();
  const change = (patch: Partial<EntryDraft>) => {
    if (patch.id !== undefined) setIdTouched(true);
    setDraft((d) => ({ ...d, ...patch, ...(patch.title !== undefined && !idTouched ? { id: suggestedId(patch.title) } : {}) }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await cartaApi.create(entryOf(draft));
      navigate(entryPagePath(created.entry.id));
    } catch (caught) {
      const error = asApiError(caught);
      setFailure({ message: error.status === 409 ? `Já existe uma entrada com o identificador “${draft.id}”. Escolha outro.` : error.message, fields: error.fields });
      setBusy(false);
    }
  };

  return (
    <div className="carta-editor">
      <form className="carta-editor__form" onSubmit={submit} aria-label="Nova entrada">
        <Card title="Nova entrada">
          <p className="card__lead">
            Use só fatos de fontes oficiais. O que não estiver confirmado fica em branco e a entrada fica marcada para revisão; a resposta deve dizer ao cidadão onde confirmar.
          </p>
          <EntryFields draft={draft} change={change} categories={categories} errors={failure?.fields ?? {}} withId />
          {failure && <Notice tone="error">{failure.message}</Notice>}
          <div className="carta-editor__actions">
            <Button type="submit" busy={busy}>
              Criar entrada
            </Button>
          </div>
        </Card>
      </form>
      <aside className="carta-editor__side" aria-label="Prévia">
        <AnswerPreview entry={entryOf(draft)} publicUrl={null} />
      </aside>
    </div>
  );
};

/** "Nova entrada": a blank entry with the preview beside it; created, it opens in its editor. */
export const NewEntryPage = () => {
  const list = useApiGet<{ categories: CartaCategory[] }>(CARTA_ENTRIES_PATH);
  if (list.error) return <Notice tone="error">{list.error.message}</Notice>;
  if (!list.data) return <Loading label="Carregando as categorias…" />;
  return <NewEntryForm categories={list.data.categories} />;
};
