/** Understanding short answers the way citizens type them: no accents, any case, typos in the usual words. */
export const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export type Command = 'menu' | 'back' | 'cancel' | 'optOut' | 'optIn' | 'myTopics' | 'myData' | 'deleteData' | 'human' | 'skip' | 'protocol';

/** Words that work at any point of the conversation (matched on the whole message, after `plain`). */
const COMMANDS: Array<[Command, RegExp]> = [
  ['menu', /^(menu|menus|inicio|comecar|opcoes|ver opcoes)$/],
  ['back', /^(voltar|volta|anterior)$/],
  ['cancel', /^(cancelar|cancela|cancele|desistir|deixa pra la)$/],
  ['optOut', /^(sair|parar|pare|stop|descadastrar|nao quero mais (receber )?avisos)$/],
  ['optIn', /^(avisos|aviso|quero avisos|quero receber( avisos)?|voltar a receber|temas|escolher temas)$/],
  ['myTopics', /^(meus avisos|quais avisos( eu)? recebo|que avisos( eu)? recebo)$/],
  ['myData', /^(meus dados|quais (sao )?meus dados|dados)$/],
  ['deleteData', /^(apagar|excluir|deletar|remover) (os )?(meus )?dados$/],
  ['human', /^(atendente|atendimento|falar com (um |uma )?(atendente|pessoa|alguem|humano|servidor)|quero falar com (um |uma )?(atendente|pessoa|alguem|humano)|pessoa|humano)$/],
  ['skip', /^(pular|pula|nao sei|sei nao|nao quero informar|prefiro nao)$/],
  ['protocol', /^(protocolo|consultar protocolo|meu protocolo|meus pedidos)$/],
];

export const detectCommand = (text: string): Command | undefined => {
  const words = plain(text);
  return COMMANDS.find(([, pattern]) => pattern.test(words))?.[0];
};

const YES = /^(sim|s|ss|isso|isso mesmo|isso ai|e isso|certo|correto|ok|okay|pode|pode ser|claro|confirmo|confirmar|aceito|quero|com certeza|exato|beleza|blz|uhum|aham|yes)$/;
const NO = /^(nao|n|nao e|nao e isso|errado|negativo|agora nao|nao quero|nao obrigado|corrigir|outra coisa|nops|no)$/;

export const isYes = (text: string): boolean => YES.test(plain(text));
export const isNo = (text: string): boolean => NO.test(plain(text));

const NUMBER_WORDS = ['zero', 'um', 'dois', 'tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze', 'treze', 'quatorze', 'quinze'];

/** "1", "1.", "opção 2", "um", or the option's own title ("saude") pick an option; anything else picks nothing. */
export const pickOption = <T extends { id: string; title: string }>(text: string, options: T[]): T | undefined => {
  const words = plain(text).replace(/^(opcao|numero|n)\s*/, '');
  const number = /^\d{1,2}$/.test(words) ? Number(words) : NUMBER_WORDS.indexOf(words);
  if (number >= 1 && number <= options.length) return options[number - 1];
  return options.find((option) => plain(option.title) === words);
};

/** True for messages made only of emoji, punctuation and spaces. */
export const isEmojiOnly = (text: string): boolean => text.trim().length > 0 && plain(text) === '';

const THANKS = /^(obrigad[oa]|obg|brigad[oa]|valeu|vlw|agradeco|muito obrigad[oa]|ok obrigad[oa])( .*)?$/;
export const isThanks = (text: string): boolean => THANKS.test(plain(text));
