/** One colour per status, the same on the board's badges and on the map. */
export const STATUS_COLORS: Record<string, string> = {
  aberto: '#1d5c8f',
  em_analise: '#7a4fb3',
  encaminhado: '#a4470a',
  em_execucao: '#b7791f',
  concluido: '#0a7146',
  indeferido: '#56665f',
  cancelado: '#7a8983',
};

export const statusColor = (status: string): string => STATUS_COLORS[status] ?? '#56665f';
