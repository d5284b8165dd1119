// Simulador de WhatsApp: DOM helpers and WhatsApp text formatting for the chat page.

export const $ = (id) => document.getElementById(id);
export const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

// ---- WhatsApp formatting: *negrito*, _itálico_, ~riscado~, ```monoespaçado```, links ----
export const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const formatSegment = (text) =>
  escapeHtml(text)
    .replace(/```([\s\S]+?)```/g, '<code>$1</code>')
    .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,!?;:)])/g, '$1<strong>$2</strong>')
    .replace(/(^|[\s(])_(?=\S)([^_\n]*?\S)_(?=$|[\s.,!?;:)])/g, '$1<em>$2</em>')
    .replace(/(^|[\s(])~(?=\S)([^~\n]*?\S)~(?=$|[\s.,!?;:)])/g, '$1<s>$2</s>');
export const formatWhatsApp = (text) =>
  String(text ?? '')
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, i) => (i % 2 === 1 ? `<a href="${escapeHtml(part)}" target="_blank" rel="noopener noreferrer">${escapeHtml(part)}</a>` : formatSegment(part)))
    .join('');
export const richText = (text, className = 'text') => {
  const node = el('div', className);
  node.innerHTML = formatWhatsApp(text);
  return node;
};

export const formatPhone = (digits) => {
  const m = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(digits || '');
  return m ? `+55 ${m[1]} ${m[2]}-${m[3]}` : digits ? `+${digits}` : '';
};
export const timeOf = (ms) => new Date(ms).toLocaleTimeString('pt-BR', { hour: '2-digit', minute: '2-digit' });
