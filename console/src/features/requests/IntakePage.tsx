import { useMemo, useState, type FormEvent } from 'react';
import { useDepartments } from '../../api/departments';
import { asApiError } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { CityMap, isInsideOutline } from '../../ui/map/CityMap';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { AddressHint } from './AddressHint';
import { IntakeDone } from './IntakeDone';
import { requestActions, type IntakeInput, type Registered } from './requests-api';
import { ServicePicker } from './ServicePicker';
import { resolvedPlaceId, usePlaceLookup } from './use-place-lookup';

interface IntakeForm {
  phone: string;
  name: string;
  channel: 'phone' | 'counter';
  service: string;
  place: string;
  address: string;
  reference: string;
  description: string;
  point: { latitude: number; longitude: number } | null;
}

const EMPTY: IntakeForm = { phone: '', name: '', channel: 'phone', service: '', place: '', address: '', reference: '', description: '', point: null };

/** What is missing, in the order the form asks; nothing when it may be sent. */
const problemOf = (form: IntakeForm): string | undefined => {
  if (!form.service) return 'Escolha o serviço.';
  if (!form.place && !form.address.trim() && !form.point) return 'Informe onde: a quadra ou setor, o endereço, ou um ponto no mapa.';
  if (!form.description.trim()) return 'Descreva o problema como o cidadão contou.';
  return undefined;
};

/** `resolvedPlace`: the place the typed address clearly means, used when the operator picked none. */
const inputOf = (form: IntakeForm, resolvedPlace: string | undefined): IntakeInput => ({
  service_code: form.service,
  location: {
    ...(form.point ?? {}),
    ...(form.address.trim() ? { address: form.address.trim() } : {}),
    ...((form.place || resolvedPlace) ? { place: form.place || resolvedPlace } : {}),
  },
  description: form.description.trim(),
  ...(form.reference.trim() ? { reference: form.reference.trim() } : {}),
  caller: { ...(form.name.trim() ? { name: form.name.trim() } : {}), ...(form.phone.trim() ? { phone: form.phone.trim() } : {}) },
  channel: form.channel,
});

/** A caller's request registered by the phone team or a service desk: the protocol to read back at the end. */
export const IntakePage = () => {
  const { config, user } = useConsole();
  const { departments } = useDepartments();
  const [form, setForm] = useState<IntakeForm>(EMPTY);
  const [problem, setProblem] = useState<string>();
  const [serviceSearch, setServiceSearch] = useState('');
  const [sending, setSending] = useState(false);
  const [registered, setRegistered] = useState<Registered>();
  const { lookup, searching } = usePlaceLookup(form.place ? '' : form.address);
  const set = <K extends keyof IntakeForm>(key: K, value: IntakeForm[K]) => setForm((current) => ({ ...current, [key]: value }));

  const groups = useMemo(() => {
    const services = config.services.filter((s) => s.kind === 'request' && (user.department_id === null || s.department_id === user.department_id));
    const ids = [...new Set(services.map((s) => s.department_id))];
    return ids.map((id) => ({ id, label: departments.find((d) => d.id === id)?.short_name ?? id, services: services.filter((s) => s.department_id === id) }));
  }, [config.services, departments, user.department_id]);

  if (registered) return <IntakeDone registered={registered} onAnother={() => { setRegistered(undefined); setForm(EMPTY); setServiceSearch(''); }} />;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const missing = problemOf(form);
    setProblem(missing);
    if (missing) return;
    setSending(true);
    try {
      setRegistered(await requestActions.register(inputOf(form, resolvedPlaceId(lookup))));
    } catch (error) {
      setProblem(asApiError(error).message);
    } finally {
      setSending(false);
    }
  };

  const pick = (point: { latitude: number; longitude: number }): void => {
    if (isInsideOutline(point, config.boundary)) {
      set('point', point);
      setProblem(undefined);
    } else setProblem('Esse ponto fica fora de Palmas. Escolha um ponto dentro do contorno do município.');
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/pedidos">← Pedidos</Link>
      </p>
      <PageHeader title="Registrar ligação" subtitle="O pedido entra na mesma fila dos que chegam pelo WhatsApp." />
      <form className="intake" aria-label="Registrar ligação" onSubmit={(event) => void submit(event)} noValidate>
        <Card title="Quem ligou">
          <div className="intake__row">
            <Field label="Telefone" hint="Se o número já fala com a Prefeitura no WhatsApp, o protocolo vai para lá também.">
              {(props) => <input {...props} className="input" type="tel" autoComplete="off" autoFocus value={form.phone} onChange={(e) => set('phone', e.target.value)} placeholder="(63) 9 9999-9999" />}
            </Field>
            <Field label="Nome">
              {(props) => <input {...props} className="input" autoComplete="off" value={form.name} onChange={(e) => set('name', e.target.value)} />}
            </Field>
            <Field label="Atendimento por">
              {(props) => (
                <select {...props} className="input" value={form.channel} onChange={(e) => set('channel', e.target.value === 'counter' ? 'counter' : 'phone')}>
                  <option value="phone">Telefone</option>
                  <option value="counter">Balcão</option>
                </select>
              )}
            </Field>
          </div>
        </Card>
        <Card title="O pedido">
          <ServicePicker groups={groups} search={serviceSearch} onSearch={setServiceSearch} value={form.service} onChange={(code) => set('service', code)} />
          <Field label="Descrição" hint="Como o cidadão contou: o que, desde quando, o tamanho.">
            {(props) => <textarea {...props} className="input" rows={4} maxLength={2000} value={form.description} onChange={(e) => set('description', e.target.value)} />}
          </Field>
        </Card>
        <Card title="Onde">
          <div className="intake__row">
            <Field label="Quadra ou setor">
              {(props) => (
                <select {...props} className="input" value={form.place} onChange={(e) => set('place', e.target.value)}>
                  <option value="">Não sei / não se aplica</option>
                  {config.places.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Endereço" hint={form.place ? undefined : <AddressHint lookup={lookup} searching={searching} />}>
              {(props) => <input {...props} className="input" value={form.address} maxLength={300} onChange={(e) => set('address', e.target.value)} placeholder="Alameda, lote, rua…" />}
            </Field>
          </div>
          <Field label="Ponto de referência">
            {(props) => <input {...props} className="input" value={form.reference} maxLength={300} onChange={(e) => set('reference', e.target.value)} placeholder="Em frente à escola, perto do posto…" />}
          </Field>
          <p className="field__label">Ponto no mapa (opcional): clique no local</p>
          <CityMap label="Escolher o local no mapa" picked={form.point} onPick={pick} className="intake__map" />
          {form.point && (
            <p className="intake__point">
              Ponto marcado.{' '}
              <Button variant="ghost" onClick={() => set('point', null)}>
                Tirar o ponto
              </Button>
            </p>
          )}
        </Card>
        {problem && <Notice tone="error">{problem}</Notice>}
        <div className="intake__actions">
          <Button type="submit" busy={sending}>
            Registrar e gerar protocolo
          </Button>
        </div>
      </form>
    </>
  );
};
