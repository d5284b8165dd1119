import { useCatalogNames } from '../../../app/console-context';
import { formatPercent } from '../../../format/numbers';
import type { Classification } from './classifier-api';

interface ClassificationResultProps {
  attempt: Classification & { text: string };
  compact?: boolean;
}

export const ClassificationResult = ({ attempt, compact = false }: ClassificationResultProps) => {
  const { serviceName } = useCatalogNames();
  const understood = attempt.service_code ? serviceName(attempt.service_code) : 'Nenhum serviço';
  return (
    <div className={compact ? 'classification classification--compact' : 'classification'}>
      <p className="classification__text">“{attempt.text}”</p>
      <p className="classification__service">
        {understood}
        {attempt.service_code && <code className="classification__code">{attempt.service_code}</code>}
      </p>
      {!attempt.service_code && !compact && (
        <p className="classification__hint">O robô não reconhece aqui um pedido de serviço: é uma saudação, um agradecimento, uma conversa, ou ele não tem certeza.</p>
      )}
      <div className="meter">
        <span className="meter__label">Confiança</span>
        <span className="meter__track" aria-hidden="true">
          <span className="meter__fill" style={{ width: `${Math.round(attempt.confidence * 100)}%` }} />
        </span>
        <span className="meter__value">{formatPercent(attempt.confidence)}</span>
      </div>
    </div>
  );
};
