import { api } from '../../../api/client';

export interface Classification {
  service_code: string | null;
  confidence: number;
}

export const classify = (text: string): Promise<Classification> => api.post('/api/nlu/classify', { text });
