import { useState, type FormEvent } from 'react';
import { useApiGet } from '../../../api/use-api-get';
import { useAction } from '../../../api/use-action';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { Field } from '../../../ui/Field';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { catalogApi, INTENTS_PATH, type TaughtIntent } from '../catalog/catalog-api';

interface TrainingPhrasesProps {
  /** The sentence last tried in the classifier box, offered as the phrase to teach. */
  lastTried: string | undefined;
  /** Called after every change: the classifier answers differently from now on. */
  onRetrained: () => void;
}

const IntentOptions = ({ intents }: { intents: TaughtIntent[] }) => (
  <>
    <optgroup label="Serviços">
      {intents.filter((i) => i.service_code).map((i) => (
        <option key={i.intent} value={i.intent}>{i.label}</option>
      ))}
    </optgroup>
    <optgroup label="Outras mensagens">
      {intents.filter((i) => !i.service_code).map((i) => (
        <option key={i.intent} value={i.intent}>{i.label}</option>
      ))}
    </optgroup>
  </>
);

/** The phrases that teach the bot each subject: added, taken out or put back, retraining it at once. */
export const TrainingPhrases = ({ lastTried, onRetrained }: TrainingPhrasesProps) => {
  const intents = useApiGet<{ intents: TaughtIntent[] }>(INTENTS_PATH);
  const [chosen, setChosen] = useState<string>();
  const [phrase, setPhrase] = useState('');
  const [done, setDone] = useState<string>();
  const { running, error, run } = useAction(() => {
    intents.reload();
    onRetrained();
  });
  if (intents.error) return <Notice tone="error">{intents.error.message}</Notice>;
  if (!intents.data) return <Loading label="Carregando as frases…" />;
  const intent = intents.data.intents.find((i) => i.intent === chosen) ?? intents.data.intents.find((i) => i.service_code) ?? intents.data.intents[0];
  if (!intent) return null;

  const teach = async (event: FormEvent) => {
    event.preventDefault();
    const text = phrase.trim();
    setDone(undefined);
    if (await run('teach', () => catalogApi.teach(intent.intent, text))) {
      setPhrase('');
      setDone(`O robô aprendeu “${text}” como ${intent.label}.`);
    }
  };
  const change = (name: string, action: () => Promise<unknown>) => {
    setDone(undefined);
    void run(name, action);
  };

  return (
    <Card title="Frases que ensinam o robô">
      <p className="card__lead">Cada assunto aprende com frases como os cidadãos escrevem. Ao salvar, o robô é treinado de novo e já entende assim na próxima mensagem.</p>
      <div className="stack">
        <Field label="Assunto">
          {(ids) => (
            <select {...ids} className="input" value={intent.intent} onChange={(e) => { setChosen(e.target.value); setDone(undefined); }}>
              <IntentOptions intents={intents.data?.intents ?? []} />
            </select>
          )}
        </Field>
        <form className="phrase-form" onSubmit={teach}>
          <Field label="Nova frase" hint={lastTried ? <button type="button" className="link-button" onClick={() => setPhrase(lastTried)}>Usar a última frase testada: “{lastTried}”</button> : 'Ex.: “a lâmpada do poste queimou”'}>
            {(ids) => <input {...ids} className="input" maxLength={200} value={phrase} onChange={(e) => setPhrase(e.target.value)} />}
          </Field>
          <Button type="submit" busy={running === 'teach'} disabled={!phrase.trim()}>Ensinar</Button>
        </form>
        {error && <Notice tone="error">{error}</Notice>}
        {done && <Notice tone="success">{done}</Notice>}
        <ul className="phrases" aria-label={`Frases de ${intent.label}`}>
          {intent.phrases.map((p) => (
            <li key={p.text} className={p.origin === 'console' ? 'phrase phrase--new' : 'phrase'}>
              <span>{p.text}</span>
              {p.origin === 'console' && <span className="phrase__origin">nova</span>}
              <button type="button" className="phrase__remove" aria-label={`Tirar a frase “${p.text}”`} disabled={running !== undefined} onClick={() => change(`remove:${p.text}`, () => catalogApi.untaught(intent.intent, p.text))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        {intent.removed.length > 0 && (
          <div>
            <h3 className="subheading">Frases retiradas</h3>
            <ul className="phrases">
              {intent.removed.map((text) => (
                <li key={text} className="phrase phrase--removed">
                  <span>{text}</span>
                  <button type="button" className="link-button" disabled={running !== undefined} onClick={() => change(`restore:${text}`, () => catalogApi.teach(intent.intent, text))}>
                    Devolver
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Card>
  );
};
