import { useState } from 'react';
import { useAction } from '../../api/use-action';
import { useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Pill } from '../../ui/Pill';
import { cartaApi, type CartaListItem, type CartaQuestion } from './carta-api';
import { Options } from '../../ui/Options';

interface QuestionCardProps {
  question: CartaQuestion;
  entries: readonly CartaListItem[];
  canResolve: boolean;
  /** Called with what was done, in Portuguese, after the server marked the question handled. */
  onResolved: (message: string) => void;
}

/** One question a citizen asked, and the coordinator's choice: answer it with an entry (teaching the bot) or ignore it. */
export const QuestionCard = ({ question, entries, canResolve, onResolved }: QuestionCardProps) => {
  const { config } = useConsole();
  const [answering, setAnswering] = useState(false);
  const [entryId, setEntryId] = useState(question.entryId ?? '');
  const [teach, setTeach] = useState(true);
  const { running, error, run } = useAction(() => undefined);
  const chosen = entries.find((e) => e.id === entryId);

  const answer = () =>
    run('answer', async () => {
      await cartaApi.resolve(question.id, { entryId, addAsQuestion: teach });
      onResolved(teach ? `O robô aprendeu “${question.text}” como ${chosen?.title ?? entryId}.` : `Pergunta resolvida com ${chosen?.title ?? entryId}.`);
    });
  const ignore = () =>
    run('ignore', async () => {
      await cartaApi.resolve(question.id, {});
      onResolved('Pergunta ignorada.');
    });

  return (
    <article className="card carta-question" aria-label={`Pergunta: ${question.text}`}>
      <div className="carta-question__head">
        <p className="carta-question__text">“{question.text}”</p>
        {question.outcome === 'not_helpful' ? <Pill tone="danger">Não era isso</Pill> : <Pill tone="warning">Sem resposta</Pill>}
      </div>
      <p className="carta__meta">
        {dateTime(question.askedAt, config.city.timezone)}
        {question.entryTitle && ` · o robô respondeu com ${question.entryTitle}`}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
      {canResolve && !answering && (
        <div className="carta-question__actions">
          <Button variant="secondary" onClick={() => setAnswering(true)}>
            Responder com…
          </Button>
          <Button variant="ghost" busy={running === 'ignore'} onClick={() => void ignore()}>
            Ignorar
          </Button>
        </div>
      )}
      {canResolve && answering && (
        <form
          className="carta-question__answer"
          onSubmit={(event) => {
            event.preventDefault();
            void answer();
          }}
        >
          <Field label="Entrada que responde">
            {(props) => (
              <select {...props} className="input" value={entryId} required onChange={(e) => setEntryId(e.target.value)}>
                <option value="">Escolha uma entrada</option>
                <Options choices={entries.map((e) => ({ value: e.id, label: e.title }))} />
              </select>
            )}
          </Field>
          <label className="carta-check">
            <input type="checkbox" checked={teach} onChange={(e) => setTeach(e.target.checked)} />
            Ensinar esta pergunta ao robô (entra nas perguntas de treino da entrada)
          </label>
          <div className="carta-question__actions">
            <Button type="submit" busy={running === 'answer'} disabled={!entryId}>
              Resolver
            </Button>
            <Button variant="ghost" onClick={() => setAnswering(false)}>
              Cancelar
            </Button>
          </div>
        </form>
      )}
    </article>
  );
};
