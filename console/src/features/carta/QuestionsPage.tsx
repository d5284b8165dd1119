import { useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { EmptyState } from '../../ui/EmptyState';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { isCoordinator } from '../auth/roles';
import { CARTA_ENTRIES_PATH, questionsPath, type CartaListItem, type CartaQuestion, type QuestionKind } from './carta-api';
import { QuestionCard } from './QuestionCard';
import { Options } from '../../ui/Options';

const KINDS: Array<{ value: QuestionKind; label: string }> = [
  { value: 'all', label: 'Todas pendentes' },
  { value: 'unanswered', label: 'Sem resposta' },
  { value: 'not_helpful', label: 'Não era isso' },
];

/** What citizens asked that the Carta could not answer, or answered wrong: the list to improve the base from. */
export const QuestionsPage = () => {
  const { user } = useConsole();
  const [kind, setKind] = useState<QuestionKind>('all');
  const questions = useApiGet<{ items: CartaQuestion[] }>(questionsPath(kind));
  const entries = useApiGet<{ items: CartaListItem[] }>(CARTA_ENTRIES_PATH);
  const [done, setDone] = useState<string>();
  // "all" also lists questions answered well; this page is about the ones to improve.
  const open = (questions.data?.items ?? []).filter((q) => !q.resolved && q.outcome !== 'answered');

  return (
    <div className="carta">
      <p className="card__lead">
        Perguntas que o robô não soube responder ou que o cidadão marcou como “não era isso”, das mais novas para as mais antigas. Responda com uma entrada (e ensine a
        pergunta ao robô) ou ignore.
      </p>
      <div className="toolbar">
        <Field label="Mostrar">
          {(props) => (
            <select {...props} className="input" value={kind} onChange={(e) => setKind(e.target.value as QuestionKind)}>
              <Options choices={KINDS} />
            </select>
          )}
        </Field>
      </div>
      {done && <Notice tone="success">{done}</Notice>}
      {questions.error && <Notice tone="error">Não foi possível carregar as perguntas. {questions.error.message}</Notice>}
      {!questions.data ? (
        !questions.error && <Loading label="Carregando as perguntas…" />
      ) : open.length === 0 ? (
        <EmptyState>Nenhuma pergunta pendente. Quando o robô não souber responder, a pergunta aparece aqui.</EmptyState>
      ) : (
        <ul className="carta-questions" aria-label="Perguntas pendentes">
          {open.map((q) => (
            <li key={q.id}>
              <QuestionCard
                question={q}
                entries={entries.data?.items ?? []}
                canResolve={isCoordinator(user)}
                onResolved={(message) => {
                  setDone(message);
                  questions.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
