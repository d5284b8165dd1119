import type { ApprovedTemplate } from './broadcasts-api';

/** The template's body with the parameters typed so far ({{n}} where one is still missing). */
export const fillTemplate = (body: string, parameters: readonly string[]): string =>
  body.replace(/\{\{(\d+)\}\}/g, (slot, n: string) => parameters[Number(n) - 1]?.trim() || slot);

/** What the citizen's phone shows: a WhatsApp bubble with header, body, footer and buttons. */
export const TemplatePreview = ({ template, parameters }: { template: ApprovedTemplate; parameters: readonly string[] }) => {
  const { header, body, footer, buttons } = template.components;
  return (
    <figure className="wa-preview" aria-label="Prévia no WhatsApp">
      <figcaption className="menu-preview__caption">Como o cidadão vai ver</figcaption>
      <div className="wa-preview__bubble">
        {header?.text && <p className="wa-preview__header">{header.text}</p>}
        <p className="wa-preview__body">{fillTemplate(body, parameters)}</p>
        {footer && <p className="wa-preview__footer">{footer}</p>}
      </div>
      {buttons.map((b) => (
        <div key={b.text} className="wa-preview__button">
          {b.text}
        </div>
      ))}
    </figure>
  );
};
