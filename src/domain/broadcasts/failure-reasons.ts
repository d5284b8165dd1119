/** Meta's error codes a broadcast message can end with, in words a coordinator understands (WHATSAPP.md §6). */
const REASONS: Record<number, string> = {
  131026: 'Número sem WhatsApp ou que não pode receber a mensagem agora',
  131049: 'A Meta limitou as mensagens de marketing para esta pessoa (não reenviar antes de 24 horas)',
  131050: 'A pessoa parou de receber mensagens de marketing desta conta no WhatsApp',
  130472: 'A pessoa está num grupo de teste de marketing da Meta',
  131047: 'A janela de 24 horas estava fechada',
  131053: 'A mídia do cabeçalho não pôde ser usada',
  132000: 'O número de parâmetros não confere com o modelo',
  132001: 'O modelo não existe ou não está aprovado neste idioma',
  132015: 'O modelo foi pausado pela Meta por baixa qualidade',
  132016: 'O modelo foi desativado pela Meta',
};

export const failureReason = (code: number | null): string =>
  code === null ? 'Envio recusado' : (REASONS[code] ?? `Erro ${code} informado pela Meta`);
