import { strFromU8, unzipSync } from 'fflate';

const unescapeXml = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Reads the first sheet of an .xlsx file back as rows of cell texts (shared strings resolved, numbers and dates as
 * their stored number): enough to check what an export wrote, without a spreadsheet library.
 */
export const readFirstSheet = (file: Uint8Array): string[][] => {
  const files = unzipSync(file);
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error('no first sheet in the workbook');
  const sharedXml = files['xl/sharedStrings.xml'];
  const shared = sharedXml ? [...strFromU8(sharedXml).matchAll(/<si>(?:<t[^>]*>([\s\S]*?)<\/t>)?<\/si>/g)].map((m) => unescapeXml(m[1] ?? '')) : [];
  return [...strFromU8(sheet).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map(([, cells]) => {
    const row: string[] = [];
    for (const [, ref = '', attributes = '', value = ''] of (cells ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(?:<v>([\s\S]*?)<\/v>)?<\/c>/g)) {
      const column = [...ref].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
      row[column] = attributes.includes('t="s"') ? (shared[Number(value)] ?? '') : unescapeXml(value);
    }
    return Array.from(row, (cell) => cell ?? '');
  });
};
