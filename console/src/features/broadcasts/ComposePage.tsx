import { useState, type FormEvent } from 'react';
import { asApiError, useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { navigate } from '../../app/router';
import { cityTimeToIso } from '../../format/dates';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { AudiencePicker } from './AudiencePicker';
import { broadcastsApi, type ApprovedTemplate, type Audience } from './broadcasts-api';
import { TemplatePreview } from './TemplatePreview';

/** 21:00 to 08:00 in the city nobody receives broadcasts (the API refuses it too). */
const inQuietHours = (time: string): boolean => time >= '21:00' || time < '08:00';

/** A new broadcast: an approved template and its values, who receives it, now or at a time. */
export const ComposePage = () => {
  const { config } = useConsole();
  const templates = useApiGet<{ templates: ApprovedTemplate[] }>('/api/templates?status=APPROVED');
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState<number>();
  const [parameters, setParameters] = useState<string[]>([]);
  const [audience, setAudience] = useState<Audience>({});
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('09:00');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const template = templates.data?.templates.find((t) => t.id === templateId);
  const quiet = when === 'later' && inQuietHours(time);
  const ready = title.trim() && template && parameters.filter((p) => p.trim()).length === template.parameter_count && (when === 'now' || (day && !quiet));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!template) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await broadcastsApi.create({
        title: title.trim(),
        template: { name: template.name, language: template.language, parameters: parameters.map((p) => p.trim()) },
        audience,
        ...(when === 'later' ? { send_at: cityTimeToIso(day, time, config.city.timezone) } : {}),
      });
      navigate(`/transmissoes/${created.id}`);
    } catch (caught) {
      setError(asApiError(caught).message);
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Novo aviso" subtitle="Use um modelo aprovado pela Meta: fora de uma conversa, é o único tipo de mensagem que o WhatsApp permite." />
      <form className="compose-layout" onSubmit={submit} aria-label="Novo aviso">
        <div className="stack">
          {error && <Notice tone="error">{error}</Notice>}
          <Card title="Mensagem">
            <div className="stack">
              <Field label="Título (para a equipe e a página pública de avisos)">
                {(ids) => <input {...ids} className="input" maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />}
              </Field>
              <Field label="Modelo" hint={templates.data?.templates.length === 0 ? 'Nenhum modelo aprovado: cadastre ou sincronize em Modelos de mensagem.' : undefined}>
                {(ids) => (
                  <select
                    {...ids}
                    className="input"
                    value={templateId ?? ''}
                    onChange={(e) => {
                      const next = templates.data?.templates.find((t) => t.id === Number(e.target.value));
                      setTemplateId(next?.id);
                      setParameters(Array.from({ length: next?.parameter_count ?? 0 }, () => ''));
                    }}
                  >
                    <option value="">Escolha um modelo aprovado</option>
                    {templates.data?.templates.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name} ({t.language})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {template?.parameter_names.map((name, index) => (
                <Field key={`${template.id}-${name}`} label={`Valor de {{${index + 1}}}`}>
                  {(ids) => <input {...ids} className="input" maxLength={1024} value={parameters[index] ?? ''} onChange={(e) => setParameters((list) => list.map((p, i) => (i === index ? e.target.value : p)))} />}
                </Field>
              ))}
            </div>
          </Card>
          <Card title="Quem recebe">
            <AudiencePicker audience={audience} onChange={setAudience} />
          </Card>
          <Card title="Quando">
            <div className="stack">
              <label className="choice">
                <input type="radio" name="when" checked={when === 'now'} onChange={() => setWhen('now')} />
                <span>Enviar agora</span>
              </label>
              <label className="choice">
                <input type="radio" name="when" checked={when === 'later'} onChange={() => setWhen('later')} />
                <span>Agendar</span>
              </label>
              {when === 'later' && (
                <div className="form-row">
                  <Field label="Dia">{(ids) => <input {...ids} className="input" type="date" value={day} onChange={(e) => setDay(e.target.value)} />}</Field>
                  <Field label="Hora" hint={quiet ? 'Entre 21h e 8h ninguém recebe avisos. Escolha outro horário.' : undefined}>
                    {(ids) => <input {...ids} className="input" type="time" value={time} onChange={(e) => setTime(e.target.value)} />}
                  </Field>
                </div>
              )}
            </div>
          </Card>
          <div>
            <Button type="submit" busy={busy} disabled={!ready}>
              {when === 'now' ? 'Enviar aviso' : 'Agendar aviso'}
            </Button>
          </div>
        </div>
        <div className="compose-layout__preview">{template && <TemplatePreview template={template} parameters={parameters} />}</div>
      </form>
    </>
  );
};
