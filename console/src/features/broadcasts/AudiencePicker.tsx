import { useEffect, useState } from 'react';
import { useConsole } from '../../app/console-context';
import { formatInteger } from '../../format/numbers';
import { broadcastsApi, type Audience } from './broadcasts-api';

const COUNT_DELAY_MS = 400;

const toggle = (list: readonly string[], value: string): string[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

/** Who receives it: topics and where they live; the count of people it reaches follows every change. */
export const AudiencePicker = ({ audience, onChange }: { audience: Audience; onChange: (audience: Audience) => void }) => {
  const { config } = useConsole();
  const [count, setCount] = useState<number>();
  const [countError, setCountError] = useState<string>();
  // Regions the city's data marks as uncertain ("Sul?") are not offered: nobody should be reached by a guess.
  const regions = [...new Set(config.places.map((p) => p.region).filter((r): r is string => r !== null && !r.endsWith('?')))].sort();
  const topics = audience.topics ?? [];
  const chosenRegions = audience.regions ?? [];
  const key = JSON.stringify(audience);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      broadcastsApi.dryRun(JSON.parse(key) as Audience).then(
        (answer) => current && (setCount(answer.count), setCountError(undefined)),
        (error: unknown) => current && setCountError(error instanceof Error ? error.message : 'Não foi possível contar.'),
      );
    }, COUNT_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key]);

  return (
    <div className="stack">
      <fieldset className="choice-group">
        <legend className="field__label">Temas</legend>
        <p className="field__hint">Só recebe quem aceitou o tema. Sem tema marcado: todos que aceitam avisos.</p>
        {config.topics.map((topic) => (
          <label key={topic.id} className="choice">
            <input type="checkbox" checked={topics.includes(topic.id)} onChange={() => onChange({ ...audience, topics: toggle(topics, topic.id) })} />
            <span>
              {topic.title}
              <span className="table__sub">{topic.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">Regiões</legend>
        <p className="field__hint">Pelo bairro ou quadra do cadastro. Sem região marcada: a cidade toda.</p>
        <div className="choice-grid">
          {regions.map((region) => (
            <label key={region} className="choice">
              <input type="checkbox" checked={chosenRegions.includes(region)} onChange={() => onChange({ ...audience, regions: toggle(chosenRegions, region) })} />
              <span>{region}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="audience-count" aria-live="polite">
        {countError ? countError : count === undefined ? 'Contando quem vai receber…' : count === 0 ? 'Ninguém recebe com essa escolha.' : `Vai para ${formatInteger(count)} ${count === 1 ? 'pessoa' : 'pessoas'}.`}
      </p>
    </div>
  );
};
