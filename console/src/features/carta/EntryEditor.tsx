import { useState, type FormEvent } from 'react';
import { asApiError } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { dateTime, shortDay } from '../../format/dates';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { AnswerPreview } from './AnswerPreview';
import { cartaApi, type CartaCategory, type CartaEntryDetail } from './carta-api';
import { draftOf, entryOf, updateOf, type EntryDraft } from './entry-draft';
import { EntryFields } from './EntryFields';
import { SearchTester } from './SearchTester';

interface EntryEditorProps {
  detail: CartaEntryDetail;
  categories: readonly CartaCategory[];
  canEdit: boolean;
  /** Reads the entry again after a save (the parent re-keys the editor with what was stored). */
  onSaved: (markedReviewed: boolean) => void;
}

type Saving = 'save' | 'reviewed';

/** The form and, beside it, the live WhatsApp preview; a save reaches the bot and the public page at once. */
export const EntryEditor = ({ detail, categories, canEdit, onSaved }: EntryEditorProps) => {
  const { config } = useConsole();
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(detail.entry));
  const [saving, setSaving] = useState<Saving>();
  const [failure, setFailure] = useState<{ message: string; fields: Readonly<Record<string, string>> }>();
  const change = (patch: Partial<EntryDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // Both sides through the same normalising (and key order), so an untouched form is never "changed".
  const unchanged = JSON.stringify(entryOf(draft)) === JSON.stringify(entryOf(draftOf(detail.entry)));

  const save = async (kind: Saving) => {
    setSaving(kind);
    setFailure(undefined);
    try {
      await cartaApi.save(detail.entry.id, updateOf(draft, kind === 'reviewed'));
      onSaved(kind === 'reviewed');
    } catch (caught) {
      const error = asApiError(caught);
      setFailure({ message: error.message, fields: error.fields });
      setSaving(undefined);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save('save');
  };

  const lastEdit = detail.editedAt ? `Editada${detail.editedBy ? ` por ${detail.editedBy}` : ''} em ${dateTime(detail.editedAt, config.city.timezone)}.` : 'Como veio no perfil da cidade.';
  return (
    <div className="carta-editor">
      <form className="carta-editor__form" onSubmit={submit} aria-label="Editar entrada">
        <Card title="Entrada" aside={<span className="carta__meta">Revisada em {shortDay(detail.entry.lastReviewed)}</span>}>
          <p className="card__lead">{lastEdit}</p>
          {!canEdit && <Notice tone="info">Somente a coordenação edita a Carta de Serviços. Você pode consultar e testar perguntas.</Notice>}
          {detail.entry.review.needed && detail.entry.review.note && (
            <Notice tone="info">
              <strong>A confirmar:</strong> {detail.entry.review.note}
            </Notice>
          )}
          <fieldset className="carta-editor__fields" disabled={!canEdit}>
            <EntryFields draft={draft} change={change} categories={categories} errors={failure?.fields ?? {}} />
          </fieldset>
          {failure && <Notice tone="error">{failure.message}</Notice>}
          {canEdit && (
            <div className="carta-editor__actions">
              <Button type="submit" busy={saving === 'save'} disabled={unchanged || saving !== undefined}>
                Salvar
              </Button>
              <Button variant="secondary" busy={saving === 'reviewed'} disabled={saving !== undefined} onClick={() => void save('reviewed')}>
                Salvar e marcar como revisada
              </Button>
              {!unchanged && <span className="carta__meta">Alterações não salvas</span>}
            </div>
          )}
        </Card>
      </form>
      <aside className="carta-editor__side" aria-label="Prévia e teste">
        <AnswerPreview entry={entryOf(draft)} publicUrl={detail.publicUrl} />
        <SearchTester entryId={detail.entry.id} />
      </aside>
    </div>
  );
};
