import { useState } from 'react';
import { useAction } from '../../../api/use-action';
import { Button } from '../../../ui/Button';
import { textLabel, type ServiceText, type TextValue } from './catalog-api';
import { Counter } from '../../../ui/Counter';
import { EditorActions } from './EditorActions';

const MAX_MESSAGES = 10;

const asList = (value: TextValue): string[] => (Array.isArray(value) ? value : [value]);

/** The messages an information service sends in turn, edited, added or taken out, then saved together (keyed like TextEditor). */
export const GuidanceEditor = ({ text, save }: { text: ServiceText; save: (value: TextValue | null) => Promise<unknown> }) => {
  const current = asList(text.value);
  const [drafts, setDrafts] = useState(current);
  const { running, error, run } = useAction(() => undefined);
  const { label, where } = textLabel(text);
  const unchanged = JSON.stringify(drafts.map((d) => d.trim())) === JSON.stringify(current);
  const change = (index: number, value: string) => setDrafts((list) => list.map((d, i) => (i === index ? value : d)));

  return (
    <form
      className="text-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void run('save', () => save(drafts));
      }}
    >
      <fieldset className="guidance">
        <legend className="field__label">{label}</legend>
        <p className="field__hint">{where}</p>
        {drafts.map((draft, index) => (
          <div className="guidance__message" key={index}>
            <label className="guidance__number" htmlFor={`guidance-${index}`}>
              Mensagem {index + 1}
            </label>
            <textarea id={`guidance-${index}`} className="input input--area" rows={4} value={draft} onChange={(e) => change(index, e.target.value)} />
            <div className="text-editor__meta">
              <Counter length={draft.trim().length} max={text.max_length} />
              {drafts.length > 1 && (
                <Button variant="ghost" onClick={() => setDrafts((list) => list.filter((_, i) => i !== index))}>
                  Tirar esta mensagem
                </Button>
              )}
            </div>
          </div>
        ))}
      </fieldset>
      {drafts.length < MAX_MESSAGES && (
        <div>
          <Button variant="secondary" onClick={() => setDrafts((list) => [...list, ''])}>
            Acrescentar mensagem
          </Button>
        </div>
      )}
      {text.edited && <span className="badge">alterado no console</span>}
      <EditorActions
        saveLabel="Salvar orientações"
        canSave={!unchanged}
        running={running}
        error={error}
        onReset={text.edited ? () => void run('reset', () => save(null)) : undefined}
      />
    </form>
  );
};
