import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { zonedParts } from '../../domain/calendar/index.js';
import type { AuditRow } from '../../domain/reports/index.js';

const HEADER = ['Protocolo', 'Serviço', 'Secretaria', 'Canal', 'Situação', 'Prioridade', 'Quadra ou setor', 'Região', 'Endereço', 'Aberto em', 'Prazo', 'Encerrado em', 'No prazo', 'Avaliação'];
const DATE_TIME = 'dd/mm/yyyy hh:mm';

/** Spreadsheets have no timezones: a date is written as the wall-clock time in the city, as people read it there. */
const wallClock = (at: Date, timezone: string): Date => {
  const p = zonedParts(at, timezone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
};

const dateCell = (at: Date | null, timezone: string) => (at === null ? null : { value: wallClock(at, timezone), type: Date, format: DATE_TIME });

const onTimeText = (onTime: boolean | null): string => (onTime === null ? '' : onTime ? 'sim' : 'não');

/** The audit export as an .xlsx workbook: one sheet, a bold header row, dates Excel can sort and filter. */
export const auditWorkbook = async (rows: readonly AuditRow[], timezone: string): Promise<Buffer> => {
  const data: Row[] = [
    HEADER.map((title) => ({ value: title, fontWeight: 'bold' as const })),
    ...rows.map((r): Row => [
      r.protocol,
      r.service,
      r.department,
      r.channel,
      r.status,
      r.priority,
      r.place,
      r.region,
      r.address,
      dateCell(r.openedAt, timezone),
      dateCell(r.dueAt, timezone),
      dateCell(r.closedAt, timezone),
      onTimeText(r.onTime),
      r.rating,
    ]),
  ];
  return writeXlsxFile(data, { sheet: 'Pedidos', stickyRowsCount: 1 }).toBuffer();
};
