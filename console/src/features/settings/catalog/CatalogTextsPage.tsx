import { useState } from 'react';
import { useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { Card } from '../../../ui/Card';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { CATALOG_PATH, catalogApi, type EditableService, type TextValue } from './catalog-api';
import { GuidanceEditor } from './GuidanceEditor';
import { MenuRowPreview } from './MenuRowPreview';
import { TextEditor } from './TextEditor';
import './catalog.css';

/** Services by menu section, in catalog order. */
const bySection = (services: EditableService[]): Array<[string, EditableService[]]> => {
  const sections = new Map<string, EditableService[]>();
  for (const service of services) sections.set(service.group_title, [...(sections.get(service.group_title) ?? []), service]);
  return [...sections];
};

/** Coordinators reword what the bot says about each service; citizens read the new words from their next message. */
export const CatalogTextsPage = () => {
  const { refreshConfig } = useConsole();
  const catalog = useApiGet<{ services: EditableService[] }>(CATALOG_PATH);
  const [chosen, setChosen] = useState<string>();
  if (catalog.error) return <Notice tone="error">{catalog.error.message}</Notice>;
  if (!catalog.data) return <Loading label="Carregando os serviços…" />;
  const services = catalog.data.services;
  const service = services.find((s) => s.code === chosen) ?? services[0];

  const save = (field: string) => async (value: TextValue | null) => {
    if (!service) return;
    await catalogApi.saveText(service.code, field, value);
    catalog.reload();
    await refreshConfig();
  };

  return (
    <div className="catalog-layout">
      <nav className="catalog-services" aria-label="Serviços">
        {bySection(services).map(([section, members]) => (
          <div key={section} className="catalog-services__section">
            <p className="catalog-services__title">{section}</p>
            <ul>
              {members.map((s) => (
                <li key={s.code}>
                  <button type="button" className="catalog-services__item" aria-current={s === service ? 'true' : undefined} onClick={() => setChosen(s.code)}>
                    <span>{s.texts.find((t) => t.field === 'menuTitle')?.value}</span>
                    {s.texts.some((t) => t.edited) && <span className="catalog-services__edited" title="Textos alterados no console">alterado</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {service && (
        <Card title={service.name} aside={<code className="classification__code">{service.code}</code>}>
          <p className="card__lead">
            {service.kind === 'request' ? 'Pedido registrado com protocolo.' : 'Informação: o robô responde com as orientações abaixo.'} As mudanças valem para a próxima mensagem de
            cada cidadão. O texto original fica guardado no perfil da cidade.
          </p>
          <MenuRowPreview service={service} />
          <div className="stack">
            {service.texts.map((text) =>
              text.field === 'guidance' ? (
                <GuidanceEditor key={`${service.code}:${text.field}:${JSON.stringify(text.value)}`} text={text} save={save(text.field)} />
              ) : (
                <TextEditor key={`${service.code}:${text.field}:${JSON.stringify(text.value)}`} text={text} save={save(text.field)} />
              ),
            )}
          </div>
        </Card>
      )}
    </div>
  );
};
