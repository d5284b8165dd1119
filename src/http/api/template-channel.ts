import { GraphError, GraphUnreachableError } from '../../channels/whatsapp-cloud/graph-errors.js';
import type { TemplateDraft, WhatsAppTemplate } from '../../domain/templates/index.js';

/** Where templates come from and go to, as the app wired it. */
export interface TemplateChannel {
  /** Reads every template of the business account; undefined when no business account id is configured. */
  fetchAll: (() => Promise<TemplateDraft[]>) | undefined;
  /** Simulator mode: templates entered by hand are "approved" by the simulator so they can be sent. */
  mirror?: { added(template: WhatsAppTemplate): void; removed(template: WhatsAppTemplate): void };
}

const AUTH_CODES = new Set([0, 190]);

/** What went wrong reading Meta's template list, in words a coordinator can act on. */
export const describeSyncFailure = (error: unknown): string => {
  if (error instanceof GraphUnreachableError) return 'Não foi possível falar com a Meta agora. Nada foi alterado; tente sincronizar de novo em alguns minutos.';
  if (error instanceof GraphError && AUTH_CODES.has(error.code)) {
    return 'A Meta recusou o token de acesso (WHATSAPP_ACCESS_TOKEN). Nada foi alterado; peça à equipe de TI para renovar o token.';
  }
  if (error instanceof GraphError) return `A Meta recusou a leitura dos modelos (erro ${error.code}). Nada foi alterado; confira o WHATSAPP_BUSINESS_ACCOUNT_ID.`;
  return 'A sincronização falhou. Nada foi alterado; tente de novo em alguns minutos.';
};
