const integer = new Intl.NumberFormat('pt-BR');
const oneDecimal = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('pt-BR', { style: 'percent', maximumFractionDigits: 0 });

export const formatInteger = (n: number): string => integer.format(n);
export const formatDecimal = (n: number): string => oneDecimal.format(n);
export const formatPercent = (fraction: number): string => percent.format(fraction);

/** "1 pedido", "3 pedidos". */
export const plural = (n: number, one: string, many: string): string => `${formatInteger(n)} ${n === 1 ? one : many}`;
