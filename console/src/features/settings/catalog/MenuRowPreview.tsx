import type { EditableService, ServiceText } from './catalog-api';

const valueOf = (service: EditableService, field: string): string => {
  const text: ServiceText | undefined = service.texts.find((t) => t.field === field);
  return typeof text?.value === 'string' ? text.value : '';
};

/** How the service's row looks in the WhatsApp list the bot sends, under its section. */
export const MenuRowPreview = ({ service }: { service: EditableService }) => (
  <figure className="menu-preview" aria-label="Prévia no WhatsApp">
    <figcaption className="menu-preview__caption">Prévia na lista do WhatsApp</figcaption>
    <div className="menu-preview__sheet">
      <p className="menu-preview__section">{service.group_title}</p>
      <div className="menu-preview__row">
        <span className="menu-preview__radio" aria-hidden="true" />
        <span>
          <span className="menu-preview__title">{valueOf(service, 'menuTitle')}</span>
          <span className="menu-preview__description">{valueOf(service, 'menuDescription')}</span>
        </span>
      </div>
    </div>
  </figure>
);
