import { api } from '../../../api/client';

export type TextValue = string | string[];

export interface ServiceText {
  field: string;
  field_label: string | null;
  value: TextValue;
  default: TextValue;
  edited: boolean;
  max_length: number;
}

export interface EditableService {
  code: string;
  name: string;
  kind: 'request' | 'information';
  department_id: string;
  group: string;
  group_title: string;
  texts: ServiceText[];
}

export interface TaughtIntent {
  intent: string;
  label: string;
  service_code: string | null;
  phrases: Array<{ text: string; origin: 'profile' | 'console' }>;
  removed: string[];
}

export const CATALOG_PATH = '/api/catalog/services';
export const INTENTS_PATH = '/api/nlu/intents';

export const catalogApi = {
  /** null puts back the city profile's text. */
  saveText: (code: string, field: string, value: TextValue | null) => api.patch<{ service: EditableService }>(`${CATALOG_PATH}/${code}`, { field, value }),
  teach: (intent: string, text: string) => api.post<{ intent: TaughtIntent }>(`${INTENTS_PATH}/${intent}/phrases`, { text }),
  untaught: (intent: string, text: string) => api.delete(`${INTENTS_PATH}/${intent}/phrases?text=${encodeURIComponent(text)}`),
};

/** What each text is called on screen, and where citizens see it. */
export const textLabel = (text: ServiceText): { label: string; where: string } => {
  if (text.field === 'name') return { label: 'Nome do serviço', where: 'No resumo do pedido, nos avisos de protocolo e no Open311.' };
  if (text.field === 'menuTitle') return { label: 'Título no menu', where: 'A linha do serviço na lista do WhatsApp e em “Entendi: …”.' };
  if (text.field === 'menuDescription') return { label: 'Descrição no menu', where: 'A segunda linha, menor, na lista do WhatsApp.' };
  if (text.field === 'guidance') return { label: 'Orientações', where: 'As mensagens que o robô envia, nesta ordem, quando o cidadão escolhe o serviço.' };
  return { label: `Pergunta: ${text.field_label ?? text.field}`, where: 'O que o robô pergunta ao registrar o pedido.' };
};
