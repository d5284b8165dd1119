import { useState, type FormEvent } from 'react';
import { asApiError } from '../../../api/use-api-get';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { Field } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { useConsole } from '../../../app/console-context';
import { isCoordinator } from '../../auth/roles';
import '../catalog/catalog.css';
import { classify, type Classification } from './classifier-api';
import { ClassificationResult } from './ClassificationResult';
import { TrainingPhrases } from './TrainingPhrases';

interface Attempt extends Classification {
  text: string;
}

const KEPT_ATTEMPTS = 6;

/** Try how the bot understands a sentence; coordinators also teach it phrases and try again at once. */
export const ClassifierPage = () => {
  const { user } = useConsole();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [attempts, setAttempts] = useState<Attempt[]>([]);

  const tryAgain = (sentence: string) => classify(sentence).then((result) => setAttempts((previous) => [{ text: sentence, ...result }, ...previous].slice(0, KEPT_ATTEMPTS)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sentence = text.trim();
    setBusy(true);
    setError(undefined);
    try {
      await tryAgain(sentence);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const [latest, ...earlier] = attempts;
  const tester = (
    <>
      <Card title="Testar classificador">
        <p className="card__lead">Escreva uma mensagem como um cidadão escreveria no WhatsApp e veja qual serviço o robô entende.</p>
        <form className="stack" onSubmit={submit}>
          {error && <Notice tone="error">{error}</Notice>}
          <Field label="Mensagem do cidadão">
            {(props) => (
              <textarea
                {...props}
                className="input input--area"
                rows={3}
                maxLength={4096}
                placeholder="Ex.: tem um poste apagado na minha rua"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <div>
            <Button type="submit" busy={busy} disabled={!text.trim()}>
              Classificar
            </Button>
          </div>
        </form>
      </Card>
      {latest && (
        <Card title="Resultado">
          <ClassificationResult attempt={latest} />
          {earlier.length > 0 && (
            <>
              <h3 className="subheading">Testes anteriores</h3>
              <ul className="attempts">
                {earlier.map((attempt, index) => (
                  <li key={`${index}-${attempt.text}`}>
                    <ClassificationResult attempt={attempt} compact />
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}
    </>
  );
  if (!isCoordinator(user)) return <div className="settings-layout">{tester}</div>;
  return (
    <div className="settings-layout">
      <TrainingPhrases lastTried={latest?.text} onRetrained={() => void (latest && tryAgain(latest.text))} />
      <div className="stack">{tester}</div>
    </div>
  );
};
