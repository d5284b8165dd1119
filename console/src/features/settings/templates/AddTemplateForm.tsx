import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { asApiError } from '../../../api/use-api-get';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';

/** A template approved in WhatsApp Manager, copied here when the city's account is not connected for syncing. */
export const AddTemplateForm = ({ onAdded }: { onAdded: () => void }) => {
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('pt_BR');
  const [category, setCategory] = useState('UTILITY');
  const [body, setBody] = useState('');
  const [footer, setFooter] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/templates', { name: name.trim(), language: language.trim(), category, body, ...(footer.trim() ? { footer: footer.trim() } : {}) });
      setName('');
      setBody('');
      setFooter('');
      onAdded();
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit} aria-label="Cadastrar modelo">
      <p className="card__lead">Copie exatamente como foi aprovado na Meta: nome, idioma e texto, com {'{{1}}'}, {'{{2}}'}… nos lugares dos valores.</p>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="form-row">
        <Field label="Nome" hint="Letras minúsculas, números e _.">{(ids) => <input {...ids} className="input" value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label="Idioma">{(ids) => <input {...ids} className="input" value={language} onChange={(e) => setLanguage(e.target.value)} />}</Field>
        <Field label="Categoria">
          {(ids) => (
            <select {...ids} className="input" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="UTILITY">Utilidade</option>
              <option value="MARKETING">Marketing</option>
            </select>
          )}
        </Field>
      </div>
      <Field label="Texto">{(ids) => <textarea {...ids} className="input input--area" rows={4} value={body} onChange={(e) => setBody(e.target.value)} />}</Field>
      <Field label="Rodapé (opcional)">{(ids) => <input {...ids} className="input" maxLength={60} value={footer} onChange={(e) => setFooter(e.target.value)} />}</Field>
      <div>
        <Button type="submit" busy={busy} disabled={!name.trim() || !body.trim()}>
          Cadastrar modelo
        </Button>
      </div>
    </form>
  );
};
