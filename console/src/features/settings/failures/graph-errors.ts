/** What Meta's most frequent refusals mean, for the person deciding whether to send again (WHATSAPP.md). */
const MEANINGS: Record<number, string> = {
  100: 'Parâmetro inválido na mensagem.',
  131000: 'Erro genérico da Meta; tentar de novo costuma resolver.',
  131005: 'Permissão negada ao número: confira o token de acesso.',
  131008: 'Faltou um parâmetro obrigatório.',
  131009: 'Um valor passou dos limites do WhatsApp (tamanho de texto, botões, lista).',
  131026: 'Não entregável: o número não tem WhatsApp ou não aceita mensagens da empresa.',
  131047: 'Passaram 24 horas desde a última mensagem do cidadão: só um modelo aprovado pode ser enviado.',
  131049: 'A Meta limitou mensagens de marketing para este cidadão; não reenvie agora.',
  131050: 'O cidadão pediu para não receber mensagens de marketing.',
  131051: 'Tipo de mensagem não suportado.',
  131052: 'Não foi possível baixar a mídia.',
  131053: 'A mídia não pôde ser enviada (formato ou tamanho).',
  132000: 'O número de parâmetros não bate com o modelo aprovado.',
  132001: 'O modelo não existe ou não está aprovado nesse idioma.',
  132015: 'O modelo foi pausado pela Meta por baixa qualidade.',
  133010: 'O número do canal não está registrado na Meta.',
  190: 'O token de acesso expirou ou foi revogado.',
};

export const graphErrorMeaning = (code: number | null): string => (code === null ? 'Sem código da Meta.' : (MEANINGS[code] ?? 'Veja o código na documentação da Meta.'));
