import type { ReactNode } from 'react';
import { useDepartments } from '../../api/departments';
import { Field } from '../../ui/Field';
import { Counter } from '../../ui/Counter';
import type { CartaCategory } from './carta-api';
import { ANSWER_MAX, TITLE_MAX, type EntryDraft } from './entry-draft';
import { Options } from '../../ui/Options';

type TextKey = { [K in keyof EntryDraft]: EntryDraft[K] extends string ? K : never }[keyof EntryDraft];

interface EntryFieldsProps {
  draft: EntryDraft;
  change: (patch: Partial<EntryDraft>) => void;
  categories: readonly CartaCategory[];
  /** The server's messages by field path. */
  errors: Readonly<Record<string, string>>;
  /** Shows the id as a field (a new entry) instead of leaving it out. */
  withId?: boolean;
}

/** The server's message for a field or any of its items ("howToAsk.2" belongs to "howToAsk"). */
const errorFor = (errors: Readonly<Record<string, string>>, ...names: string[]): string | undefined => {
  const key = Object.keys(errors).find((path) => names.some((name) => path === name || path.startsWith(`${name}.`)));
  return key === undefined ? undefined : errors[key];
};

/** Every field of an entry; lists are typed one item per line. */
export const EntryFields = ({ draft, change, categories, errors, withId = false }: EntryFieldsProps) => {
  const { departments } = useDepartments();
  const text = (key: TextKey, label: string, hint?: ReactNode, placeholder?: string) => (
    <Field label={label} hint={hint} error={errorFor(errors, key)}>
      {(props) => <input {...props} className="input" value={draft[key]} placeholder={placeholder} onChange={(e) => change({ [key]: e.target.value })} />}
    </Field>
  );
  const area = (key: TextKey, label: string, hint: ReactNode, rows = 4, names: string[] = [key]) => (
    <Field label={label} hint={hint} error={errorFor(errors, ...names)}>
      {(props) => <textarea {...props} className="input input--area" rows={rows} value={draft[key]} onChange={(e) => change({ [key]: e.target.value })} />}
    </Field>
  );
  const perLine = 'Um item por linha.';

  return (
    <div className="stack">
      <fieldset className="carta-fieldset">
        <legend>Identificação</legend>
        {withId && text('id', 'Identificador', 'Minúsculas e hífens, não muda depois (ex.: iptu-segunda-via). Vira o endereço na página pública.')}
        {text('title', 'Título', <Counter length={draft.title.trim().length} max={TITLE_MAX} />)}
        <div className="form-row">
          <Field label="Categoria" error={errorFor(errors, 'category')}>
            {(props) => (
              <select {...props} className="input" value={draft.category} onChange={(e) => change({ category: e.target.value })}>
                <Options choices={categories.map((c) => ({ value: c.id, label: c.title }))} />
              </select>
            )}
          </Field>
          <Field label="Secretaria no sistema" error={errorFor(errors, 'departmentId')}>
            {(props) => (
              <select {...props} className="input" value={draft.departmentId} onChange={(e) => change({ departmentId: e.target.value })}>
                <option value="">Nenhuma</option>
                <Options choices={departments.map((d) => ({ value: d.id, label: d.short_name }))} />
              </select>
            )}
          </Field>
        </div>
        {text('provider', 'Quem presta o serviço', undefined, 'Ex.: Secretaria Municipal da Fazenda (Sefin)')}
      </fieldset>

      <fieldset className="carta-fieldset">
        <legend>Resposta no WhatsApp</legend>
        {area('answer', 'Resposta curta', <>
          <Counter length={draft.answer.trim().length} max={ANSWER_MAX} /> · Formatação do WhatsApp: *negrito*, _itálico_, ~riscado~, ```monoespaçado```. Sem links em markdown.
        </>, 7)}
      </fieldset>

      <fieldset className="carta-fieldset">
        <legend>Detalhes (“Mais detalhes” e página pública)</legend>
        {area('howToAsk', 'Como pedir', `${perLine} Pelo menos um passo.`)}
        {area('requirements', 'O que levar', `${perLine} Pode ficar vazio.`, 3)}
        <div className="form-row">
          {text('deadline', 'Prazo', 'Vazio: desconhecido.')}
          {text('cost', 'Custo', 'Vazio: desconhecido.', 'Ex.: Gratuito')}
        </div>
        <div className="form-row">
          {text('where', 'Onde', 'Vazio: desconhecido.')}
          {text('when', 'Quando', 'Vazio: desconhecido.')}
        </div>
        {area('phones', 'Telefones', `${perLine} Só números confirmados em fontes oficiais.`, 2)}
        {text('officialUrl', 'Link oficial', 'Vazio: nenhum.', 'https://www.palmas.to.gov.br/')}
      </fieldset>

      <fieldset className="carta-fieldset">
        <legend>Revisão e fontes</legend>
        <label className="carta-check">
          <input type="checkbox" checked={draft.reviewNeeded} onChange={(e) => change({ reviewNeeded: e.target.checked })} />
          Precisa revisão (há fatos a confirmar)
        </label>
        {area('reviewNote', 'O que falta confirmar', 'Quais fatos e onde confirmá-los.', 2, ['review'])}
        {area('sources', 'Fontes', perLine, 3)}
      </fieldset>

      <fieldset className="carta-fieldset">
        <legend>Como os cidadãos perguntam</legend>
        {area('questions', 'Perguntas de treino', `${perLine} Pelo menos 4 jeitos diferentes de perguntar; o robô aprende com elas.`, 6)}
      </fieldset>
    </div>
  );
};
