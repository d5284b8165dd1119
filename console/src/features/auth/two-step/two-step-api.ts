import { api } from '../../../api/client';

export const TWO_STEP_PATH = '/api/auth/two-step';

export interface TwoStepStatus {
  enabled: boolean;
  enabled_at: string | null;
  recovery_codes_left: number;
}

export interface TwoStepSetup {
  secret: string;
  otpauth_uri: string;
}

export const twoStepApi = {
  setup: (password: string) => api.post<TwoStepSetup>(`${TWO_STEP_PATH}/setup`, { password }),
  confirm: (code: string) => api.post<{ recovery_codes: string[] }>(`${TWO_STEP_PATH}/confirm`, { code }),
  disable: (password: string, code: string) => api.post<void>(`${TWO_STEP_PATH}/disable`, { password, code }),
};

/** The secret as people type it: groups of four letters. */
export const inGroupsOfFour = (secret: string): string[] => secret.match(/.{1,4}/g) ?? [];
