import { api } from '../../../api/client';

export interface Closure {
  id: number;
  first_day: string;
  last_day: string;
  reason: string;
  created_by: number;
  created_at: string;
}

export interface NewClosure {
  first_day: string;
  last_day?: string;
  reason: string;
}

export const CLOSURES_PATH = '/api/closures';

export const addClosure = (closure: NewClosure): Promise<{ closure: Closure }> => api.post(CLOSURES_PATH, closure);

export const removeClosure = (id: number): Promise<void> => api.delete(`${CLOSURES_PATH}/${id}`);
