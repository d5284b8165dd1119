import { useState } from 'react';
import { useAction } from '../../../api/use-action';
import { Field } from '../../../ui/Field';
import { textLabel, type ServiceText, type TextValue } from './catalog-api';
import { Counter } from '../../../ui/Counter';
import { EditorActions } from './EditorActions';

interface TextEditorProps {
  text: ServiceText;
  /** Saves the wording (null: back to the profile's); resolves after the service was read again. */
  save: (value: TextValue | null) => Promise<unknown>;
}

/**
 * One text of a service: typed with its WhatsApp limit in view, saved, or put back as the city profile had it. The
 * parent keys it by the saved value, so a save or reset starts the draft again from what citizens now see.
 */
export const TextEditor = ({ text, save }: TextEditorProps) => {
  const current = typeof text.value === 'string' ? text.value : '';
  const [draft, setDraft] = useState(current);
  const { running, error, run } = useAction(() => undefined);
  const { label, where } = textLabel(text);
  const multiline = text.max_length > 100;
  const unchanged = draft.trim() === current;
  const props = { className: multiline ? 'input input--area' : 'input', value: draft, onChange: (e: { target: { value: string } }) => setDraft(e.target.value) };

  return (
    <form
      className="text-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void run('save', () => save(draft));
      }}
    >
      <Field label={label} hint={where}>
        {(ids) => (multiline ? <textarea {...ids} {...props} rows={3} /> : <input {...ids} {...props} />)}
      </Field>
      <div className="text-editor__meta">
        <Counter length={draft.trim().length} max={text.max_length} />
        {text.edited && <span className="badge">alterado no console</span>}
      </div>
      {text.edited && (
        <p className="text-editor__original">
          <span>Texto original:</span> {String(text.default)}
        </p>
      )}
      <EditorActions
        saveLabel="Salvar"
        canSave={!unchanged && draft.trim().length > 0}
        running={running}
        error={error}
        onReset={text.edited ? () => void run('reset', () => save(null)) : undefined}
      />
    </form>
  );
};
