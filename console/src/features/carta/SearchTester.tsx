import { useState, type FormEvent } from 'react';
import { asApiError } from '../../api/use-api-get';
import { Link } from '../../app/router';
import { formatDecimal } from '../../format/numbers';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { cartaApi, type CartaSearch } from './carta-api';
import { entryPagePath } from './carta-paths';

const Decision = ({ result, entryId }: { result: CartaSearch; entryId: string | undefined }) => {
  const { kind, id } = result.decision;
  const chosen = result.results.find((r) => r.id === id);
  if (kind === 'service') return <p className="carta-test__decision">Abre o pedido de serviço <code className="classification__code">{id}</code> (não responde pela Carta).</p>;
  if (kind === 'none' || !id) return <p className="carta-test__decision carta-test__decision--none">Nenhuma entrada: o robô diz que não sabe e oferece o menu ou um atendente.</p>;
  return (
    <p className={id === entryId ? 'carta-test__decision carta-test__decision--this' : 'carta-test__decision'}>
      Responde com <Link to={entryPagePath(id)}>{chosen?.title ?? id}</Link>
      {id === entryId && ' (esta entrada)'}
    </p>
  );
};

/** "Which entry would this question get?": the same decision the bot makes, and the runners-up. */
export const SearchTester = ({ entryId }: { entryId?: string }) => {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<CartaSearch & { text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    setBusy(true);
    setError(undefined);
    try {
      setResult({ text: q, ...(await cartaApi.search(q)) });
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Testar uma pergunta">
      <form className="stack" onSubmit={submit}>
        <Field label="Pergunta do cidadão">
          {(props) => <input {...props} className="input" value={text} maxLength={500} placeholder="Ex.: como tiro a segunda via do iptu" onChange={(e) => setText(e.target.value)} />}
        </Field>
        <div>
          <Button type="submit" variant="secondary" busy={busy} disabled={!text.trim()}>
            Testar
          </Button>
        </div>
      </form>
      {error && <Notice tone="error">{error}</Notice>}
      {result && (
        <div className="carta-test" aria-live="polite">
          <p className="classification__text">“{result.text}”</p>
          <Decision result={result} entryId={entryId} />
          {result.results.length > 0 && (
            <ol className="carta-test__results" aria-label="Entradas mais próximas">
              {result.results.slice(0, 5).map((r) => (
                <li key={r.id}>
                  <span>{r.title}</span>
                  <span className="carta__meta">{formatDecimal(r.score)}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </Card>
  );
};
