import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

interface TextFormProps {
  name: string;
  label: string;
  hint?: string;
  submitLabel: string;
  busy: boolean;
  /** One line (a protocol) instead of a text box. */
  short?: boolean;
  placeholder?: string;
  onSubmit: (text: string) => Promise<boolean>;
}

/** One text and a button: an internal note, the protocol of the request this one repeats. Cleared once done. */
export const TextForm = ({ name, label, hint, submitLabel, busy, short = false, placeholder, onSubmit }: TextFormProps) => {
  const [text, setText] = useState('');
  return (
    <form
      className="stack"
      aria-label={name}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) void onSubmit(text.trim()).then((done) => done && setText(''));
      }}
    >
      <Field label={label} hint={hint}>
        {(props) =>
          short ? (
            <input {...props} className="input" value={text} placeholder={placeholder} onChange={(event) => setText(event.target.value)} />
          ) : (
            <textarea {...props} className="input" rows={2} value={text} placeholder={placeholder} maxLength={1000} onChange={(event) => setText(event.target.value)} />
          )
        }
      </Field>
      <Button type="submit" variant="secondary" busy={busy} disabled={!text.trim()}>
        {submitLabel}
      </Button>
    </form>
  );
};
