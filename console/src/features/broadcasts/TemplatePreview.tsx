import { WhatsAppBubble, WhatsAppScreen } from '../../ui/whatsapp/WhatsAppBubble';
import type { ApprovedTemplate } from './broadcasts-api';

/** The template's body with the parameters typed so far ({{n}} where one is still missing). */
export const fillTemplate = (body: string, parameters: readonly string[]): string =>
  body.replace(/\{\{(\d+)\}\}/g, (slot, n: string) => parameters[Number(n) - 1]?.trim() || slot);

/** What the citizen's phone shows: a WhatsApp bubble with header, body, footer and buttons. */
export const TemplatePreview = ({ template, parameters }: { template: ApprovedTemplate; parameters: readonly string[] }) => {
  const { header, body, footer, buttons } = template.components;
  return (
    <WhatsAppScreen caption="Como o cidadão vai ver">
      <WhatsAppBubble header={header?.text ?? undefined} body={fillTemplate(body, parameters)} footer={footer ?? undefined} buttons={buttons.map((b) => b.text)} />
    </WhatsAppScreen>
  );
};
