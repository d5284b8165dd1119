// Simulador de WhatsApp: how chat messages look (Meta message shapes -> DOM).
import { $, el, richText, timeOf } from './format.js';

/**
 * Renders messages into #messages. `actions` are what taps do: send({type, ...}), openList(message),
 * openLocation(); `templates()` lists the business's templates (for their body text and button titles).
 */
export const createRenderer = ({ templates, send, openList, openLocation }) => {
  const byId = new Map();

  const templateFor = (name, language) => templates().find((t) => t.name === name && t.language === language);

  const snippetOf = (message) => {
    const m = message.message || {};
    const text = m.text?.body || m.interactive?.body?.text || m.interactive?.button_reply?.title || m.interactive?.list_reply?.title || m.template?.name || m.image?.caption || (message.type === 'image' ? 'Foto' : message.type);
    return String(text).replace(/[*_~`]/g, '');
  };

  const choiceButton = (title, onClick) => {
    const button = el('button', 'choice', title);
    button.type = 'button';
    button.addEventListener('click', onClick);
    return button;
  };

  const renderTemplate = (node, message) => {
    const template = message.message.template || {};
    const definition = templateFor(template.name, template.language?.code);
    const components = template.components || [];
    const params = components.filter((c) => String(c.type).toLowerCase() === 'body').flatMap((c) => c.parameters || []);
    const values = params.map((p) => p.text ?? p.date_time?.fallback_value ?? p.currency?.fallback_value ?? '');
    if (definition?.body) {
      node.append(richText(definition.body.replace(/\{\{(\d+)\}\}/g, (_, n) => values[Number(n) - 1] ?? `{{${n}}}`)));
    } else {
      node.append(el('div', 'header', `Modelo “${template.name}”`), el('div', 'text', values.join('\n')));
    }
    const quick = components.filter((c) => String(c.type).toLowerCase() === 'button' && String(c.sub_type).toLowerCase() === 'quick_reply');
    if (quick.length) {
      const box = el('div', 'choices');
      for (const c of quick) {
        const payload = (c.parameters || []).find((p) => p.payload !== undefined)?.payload;
        const title = definition?.quickReplies?.[Number(c.index ?? 0)] ?? payload;
        if (payload !== undefined) box.append(choiceButton(title, () => send({ type: 'reply', id: payload, contextId: message.id })));
      }
      node.append(box);
    }
  };

  const renderInteractive = (node, message) => {
    const interactive = message.message.interactive || {};
    if (interactive.header?.type === 'text') node.append(el('div', 'header', interactive.header.text));
    node.append(richText(interactive.body?.text));
    if (interactive.footer?.text) node.append(el('div', 'footer', interactive.footer.text));
    const box = el('div', 'choices');
    if (interactive.type === 'button') {
      for (const b of interactive.action?.buttons || []) box.append(choiceButton(b.reply.title, () => send({ type: 'reply', id: b.reply.id, contextId: message.id })));
    } else if (interactive.type === 'list') {
      box.append(choiceButton(`☰ ${interactive.action?.button || 'Ver opções'}`, () => openList(message)));
    } else if (interactive.type === 'location_request_message') {
      box.append(choiceButton('📍 Enviar localização', () => openLocation()));
    }
    if (box.childElementCount) node.append(box);
  };

  const renderMedia = (node, media, label) => {
    if (media?.id) {
      const img = el('img');
      img.src = `/simulador/api/media/${encodeURIComponent(media.id)}`;
      img.alt = media.caption ? `${label}: ${media.caption}` : label;
      img.loading = 'lazy';
      node.append(img);
    } else if (media?.link) {
      const link = el('a', '', `${label} (abrir)`);
      link.href = media.link;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      node.append(link);
    }
    if (media?.caption) node.append(richText(media.caption));
  };

  const renderLocation = (node, location) => {
    const link = el('a', '', `📍 ${location.name || 'Localização'}`);
    link.href = `https://www.openstreetmap.org/?mlat=${location.latitude}&mlon=${location.longitude}#map=17/${location.latitude}/${location.longitude}`;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    node.append(link);
    if (location.address) node.append(el('div', 'footer', location.address));
    node.append(el('div', 'footer', `${Number(location.latitude).toFixed(5)}, ${Number(location.longitude).toFixed(5)}`));
  };

  const renderContent = (node, message) => {
    const m = message.message || {};
    switch (message.type) {
      case 'text': return node.append(richText(m.text?.body));
      case 'interactive':
        if (message.direction === 'out') return renderInteractive(node, message);
        return node.append(el('div', 'text', m.interactive?.button_reply?.title || m.interactive?.list_reply?.title || 'Resposta'));
      case 'button': return node.append(el('div', 'text', m.button?.text || ''));
      case 'template': return renderTemplate(node, message);
      case 'image': return renderMedia(node, m.image, message.direction === 'out' ? 'Imagem enviada pela prefeitura' : 'Foto enviada');
      case 'location': return renderLocation(node, m.location || {});
      case 'audio': return node.append(el('div', 'text', m.audio?.voice ? '🎤 Mensagem de voz' : '🎵 Áudio'));
      case 'video': return node.append(el('div', 'text', '🎬 Vídeo'));
      case 'document': return node.append(el('div', 'text', `📄 ${m.document?.filename || 'Documento'}`));
      case 'sticker': return node.append(el('div', 'text', '🙂 Figurinha'));
      case 'contacts': return node.append(el('div', 'text', (m.contacts || []).map((c) => `👤 ${c.name?.formatted_name}`).join('\n')));
      case 'unsupported': return node.append(el('div', 'text', '❔ Mensagem de um tipo que o WhatsApp não suporta'));
      default: return node.append(el('div', 'text', `[${message.type}]`));
    }
  };

  const TICKS = {
    pending: ['✓', '', 'Enviada'],
    delivered: ['✓✓', '', 'Entregue ao sistema da prefeitura'],
    read: ['✓✓', 'read', 'Lida pela prefeitura'],
    failed: ['⚠ não entregue', 'failed', 'O sistema da prefeitura não confirmou o recebimento'],
  };

  const metaOf = (message) => {
    const meta = el('div', 'meta');
    meta.append(el('time', '', timeOf(message.timestamp)));
    if (message.direction === 'in') {
      const [symbol, kind, label] = TICKS[message.status] || TICKS.pending;
      const ticks = el('span', `ticks ${kind}`, symbol);
      ticks.setAttribute('role', 'img');
      ticks.setAttribute('aria-label', label);
      ticks.title = label;
      meta.append(ticks);
    }
    return meta;
  };

  const applyReaction = (message) => {
    const target = document.querySelector(`[data-id="${CSS.escape(message.message.reaction?.message_id || '')}"]`);
    if (!target) return;
    target.querySelector('.reaction')?.remove();
    const emoji = message.message.reaction?.emoji;
    target.classList.toggle('has-reaction', Boolean(emoji));
    if (emoji) target.append(el('span', 'reaction', emoji));
  };

  const renderMessage = (message) => {
    byId.set(message.id, message);
    if (message.type === 'reaction') return applyReaction(message);
    const node = el('li', `msg ${message.direction === 'in' ? 'mine' : 'bot'}`);
    node.dataset.id = message.id;
    const quotedId = message.message?.context?.id || message.message?.context?.message_id;
    const quoted = quotedId && byId.get(quotedId);
    if (quoted) node.append(el('div', 'quote', snippetOf(quoted)));
    renderContent(node, message);
    node.append(metaOf(message));
    const existing = document.querySelector(`#messages [data-id="${CSS.escape(message.id)}"]`);
    if (existing) existing.replaceWith(node);
    else $('messages').append(node);
  };

  const scrollToEnd = () => {
    const list = $('messages');
    list.scrollTop = list.scrollHeight;
  };

  const updateStatus = (message) => {
    byId.set(message.id, message);
    const node = document.querySelector(`#messages [data-id="${CSS.escape(message.id)}"]`);
    if (node && message.direction === 'in') node.querySelector('.meta').replaceWith(metaOf(message));
  };

  const reset = () => {
    byId.clear();
    $('messages').replaceChildren();
  };

  return { renderMessage, updateStatus, scrollToEnd, reset };
};
