import type { BroadcastStatus } from './types.js';

export type BroadcastControl = 'pause' | 'resume' | 'cancel';

/** The statuses each control acts on, and where it takes the broadcast. */
export const CONTROLS: Record<BroadcastControl, { from: readonly BroadcastStatus[]; to: BroadcastStatus }> = {
  pause: { from: ['sending'], to: 'paused' },
  resume: { from: ['paused'], to: 'sending' },
  cancel: { from: ['scheduled', 'sending', 'paused'], to: 'cancelled' },
};

const NOT_ALLOWED: Record<BroadcastControl, string> = {
  pause: 'Só um aviso em envio pode ser pausado.',
  resume: 'Só um aviso pausado pode ser retomado.',
  cancel: 'Este aviso já terminou ou foi cancelado.',
};

export const notAllowedMessage = (control: BroadcastControl): string => NOT_ALLOWED[control];
