import { toAppError, type DomainError } from '../../../domain/requests/index.js';
import type { AppError, ErrorKind } from '../../../platform/errors.js';

/** What the attendant reads for each error code of the requests domain. */
const MESSAGES: Readonly<Record<string, string>> = {
  not_found: 'Pedido não encontrado.',
  primary_not_found: 'O pedido principal não foi encontrado.',
  department_not_found: 'Secretaria não encontrada.',
  forbidden: 'Seu perfil não permite esta ação.',
  outside_department: 'Este serviço é de outra secretaria: registre apenas pedidos da sua.',
  invalid_assignee: 'Só é possível atribuir a um usuário ativo da secretaria do pedido.',
  invalid_priority: 'Prioridade desconhecida.',
  note_empty: 'Escreva a observação.',
  note_too_long: 'A observação passa do tamanho máximo.',
  nothing_to_change: 'Informe o que mudar: status, observação, prioridade ou responsável.',
  transition_forbidden: 'O pedido não pode passar do status atual para o escolhido.',
  status_changed: 'O pedido mudou enquanto você editava. Recarregue e tente de novo.',
  self_link: 'Um pedido não pode ser ligado a ele mesmo.',
  already_linked: 'Este pedido já está ligado a outro. Desligue-o antes.',
  primary_is_duplicate: 'O pedido escolhido já é um relato repetido. Ligue ao pedido principal dele.',
  has_duplicates: 'Outros relatos estão ligados a este pedido: ele não pode virar repetido.',
  different_service: 'Só é possível ligar pedidos do mesmo serviço.',
  not_open: 'Só é possível ligar pedidos em aberto.',
  not_a_duplicate: 'Este pedido não está ligado a outro.',
  unknown_service: 'Serviço não encontrado no catálogo.',
  not_a_request_service: 'Este serviço é só de orientação e não abre pedidos.',
  missing_field: 'Falta um dado obrigatório do serviço.',
  field_too_long: 'Um dos textos passa do tamanho máximo.',
  invalid_location: 'Localização inválida: informe latitude e longitude juntas e válidas.',
  location_outside_city: 'O local informado fica fora do município.',
  unknown_media: 'Foto não encontrada.',
  no_department: 'Nenhuma secretaria atende este serviço hoje.',
};

const FIELD_NAMES: Readonly<Record<string, string>> = { location: 'o local', description: 'a descrição', reference: 'o ponto de referência', photos: 'fotos', address: 'o endereço' };

const BY_KIND: Readonly<Record<ErrorKind, string>> = {
  invalid_input: 'Dados inválidos.',
  unauthenticated: 'Faça login para continuar.',
  forbidden: 'Seu perfil não permite esta ação.',
  not_found: 'Não encontrado.',
  conflict: 'A ação não é possível no estado atual do pedido.',
  unavailable: 'Serviço indisponível no momento. Tente novamente em instantes.',
  internal: 'Erro interno. Tente novamente em instantes.',
};

/** Which field, when the domain says so ("Falta informar: a descrição."). */
const withField = (error: DomainError, message: string): string => {
  const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
  if (!field) return message;
  const name = FIELD_NAMES[field] ?? field;
  return error.code === 'missing_field' ? `Falta informar ${name}.` : error.code === 'field_too_long' ? `Texto longo demais em ${name}.` : message;
};

/** The domain error as the HTTP edge throws it, worded for the person at the console. */
export const requestError = (error: DomainError): AppError => toAppError({ ...error, message: withField(error, MESSAGES[error.code] ?? BY_KIND[error.kind]) });

/** The value of a successful result, or the result's error thrown for the HTTP edge (rolling back a transaction). */
export const must = <T>(result: { ok: true; value: T } | { ok: false; error: DomainError }): T => {
  if (!result.ok) throw requestError(result.error);
  return result.value;
};
