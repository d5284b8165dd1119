// Simulador de WhatsApp: the chat page. Plain browser JavaScript, no build step.
// Talks to /simulador/api/* (JSON) and receives the chat live through Server-Sent Events.
'use strict';

(() => {
  const PLACES = [
    { name: 'Praça dos Girassóis', address: 'Plano Diretor Sul, Palmas - TO', latitude: -10.1844, longitude: -48.3336 },
    { name: 'Parque Cesamar', address: 'Quadra 506 Sul, Palmas - TO', latitude: -10.2048, longitude: -48.3274 },
    { name: 'Praia da Graciosa', address: 'Orla de Palmas - TO', latitude: -10.1783, longitude: -48.3613 },
    { name: 'Aeroporto de Palmas', address: 'Palmas - TO', latitude: -10.2915, longitude: -48.357 },
    { name: 'Taquaralto', address: 'Região Sul, Palmas - TO', latitude: -10.3369, longitude: -48.2935 },
  ];
  const NAMES = ['Maria Aparecida', 'João Pedro', 'Ana Clara', 'José Ribamar', 'Francisca Souza', 'Antônio Carlos', 'Raimunda Lima', 'Lucas Oliveira'];
  const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
  const STORAGE_KEY = 'simulador.cidadaos';

  const $ = (id) => document.getElementById(id);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const state = { info: { businessName: 'Prefeitura', displayPhoneNumber: '', templates: [] }, me: null, source: null, typingTimer: null, byId: new Map() };

  // ---- WhatsApp formatting: *negrito*, _itálico_, ~riscado~, ```monoespaçado```, links ----
  const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const formatSegment = (text) =>
    escapeHtml(text)
      .replace(/```([\s\S]+?)```/g, '<code>$1</code>')
      .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,!?;:)])/g, '$1<strong>$2</strong>')
      .replace(/(^|[\s(])_(?=\S)([^_\n]*?\S)_(?=$|[\s.,!?;:)])/g, '$1<em>$2</em>')
      .replace(/(^|[\s(])~(?=\S)([^~\n]*?\S)~(?=$|[\s.,!?;:)])/g, '$1<s>$2</s>');
  const formatWhatsApp = (text) =>
    String(text ?? '')
      .split(/(https?:\/\/[^\s<>"]+)/g)
      .map((part, i) => (i % 2 === 1 ? `<a href="${escapeHtml(part)}" target="_blank" rel="noopener noreferrer">${escapeHtml(part)}</a>` : formatSegment(part)))
      .join('');
  const richText = (text, className = 'text') => {
    const node = el('div', className);
    node.innerHTML = formatWhatsApp(text);
    return node;
  };

  const formatPhone = (digits) => {
    const m = /^55(\d{2})(\d{4,5})(\d{4})$/.exec(digits || '');
    return m ? `+55 ${m[1]} ${m[2]}-${m[3]}` : digits ? `+${digits}` : '';
  };
  const timeOf = (ms) => new Date(ms).toLocaleTimeString('pt-BR', { hour: '2-digit', minute: '2-digit' });
  const randomPhone = () => `+55 63 9${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}-${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`;
  const randomName = () => NAMES[Math.floor(Math.random() * NAMES.length)];

  // ---- API ----
  const api = async (path, body) => {
    const response = await fetch(`/simulador/api/${path}`, {
      method: body ? 'POST' : 'GET',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || `Erro ${response.status} ao falar com o simulador.`);
    return data;
  };

  const showNotice = (text) => {
    const notice = $('notice');
    notice.textContent = text || '';
    notice.hidden = !text;
  };

  const send = async (payload) => {
    if (!state.me) return false;
    try {
      await api('messages', { phone: state.me.phone, name: state.me.name, ...payload });
      showNotice('');
      return true;
    } catch (error) {
      showNotice(error.message);
      return false;
    }
  };

  // ---- Rendering of messages ----
  const templateFor = (name, language) => state.info.templates.find((t) => t.name === name && t.language === language);

  const snippetOf = (message) => {
    const m = message.message || {};
    return m.text?.body || m.interactive?.body?.text || m.interactive?.button_reply?.title || m.interactive?.list_reply?.title || m.template?.name || m.image?.caption || (message.type === 'image' ? 'Foto' : message.type);
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
    state.byId.set(message.id, message);
    if (message.type === 'reaction') return applyReaction(message);
    const node = el('li', `msg ${message.direction === 'in' ? 'me' : 'bot'}`);
    node.dataset.id = message.id;
    const quotedId = message.message?.context?.id || message.message?.context?.message_id;
    const quoted = quotedId && state.byId.get(quotedId);
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
    state.byId.set(message.id, message);
    const node = document.querySelector(`#messages [data-id="${CSS.escape(message.id)}"]`);
    if (node && message.direction === 'in') node.querySelector('.meta').replaceWith(metaOf(message));
  };

  const setTyping = (until) => {
    clearTimeout(state.typingTimer);
    const status = $('chat-status');
    const base = `canal oficial · ${formatPhone(state.info.displayPhoneNumber)}`;
    const remaining = until - Date.now();
    if (!until || remaining <= 0) return void (status.textContent = base);
    status.textContent = 'digitando…';
    state.typingTimer = setTimeout(() => setTyping(0), Math.min(remaining, 25000));
  };

  const systemNote = (text) => {
    const node = el('li', 'msg system', text);
    $('messages').append(node);
    scrollToEnd();
  };

  // ---- Live chat through Server-Sent Events ----
  const connect = () => {
    if (state.source) state.source.close();
    const { phone, name } = state.me;
    const source = new EventSource(`/simulador/api/events?phone=${encodeURIComponent(phone)}&name=${encodeURIComponent(name)}`);
    state.source = source;
    source.addEventListener('snapshot', (event) => {
      const conversation = JSON.parse(event.data) || { messages: [] };
      $('messages').replaceChildren();
      state.byId.clear();
      conversation.messages.forEach(renderMessage);
      scrollToEnd();
    });
    source.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      renderMessage(message);
      if (message.direction === 'out') setTyping(0);
      scrollToEnd();
    });
    source.addEventListener('update', (event) => updateStatus(JSON.parse(event.data)));
    // "typing…" lasts 25 s of real time or until the next bot message (the simulator's clock may be fake).
    source.addEventListener('typing', () => setTyping(Date.now() + 25000));
    source.addEventListener('rejected', (event) => {
      const { code, details } = JSON.parse(event.data);
      systemNote(`⚠️ O WhatsApp simulado recusou uma mensagem da prefeitura para este número (erro ${code}): ${details}`);
    });
    source.onerror = () => showNotice(source.readyState === EventSource.CLOSED ? 'Conexão com o simulador perdida. Recarregue a página.' : 'Reconectando ao simulador…');
    source.onopen = () => showNotice('');
  };

  // ---- Citizens ----
  const savedCitizens = () => {
    try { return JSON.parse(localStorage.getItem(STORAGE_KEY) || '[]'); } catch { return []; }
  };
  const saveCitizen = (citizen) => {
    const list = [citizen, ...savedCitizens().filter((c) => c.phone !== citizen.phone)].slice(0, 20);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
  };

  const renderCitizens = () => {
    const list = $('citizen-list');
    const citizens = savedCitizens();
    $('citizens-empty').hidden = citizens.length > 0;
    list.replaceChildren(...citizens.map((citizen) => {
      const item = el('li');
      const button = el('button');
      button.type = 'button';
      button.append(el('strong', '', citizen.name), el('span', 'phone', formatPhone(citizen.phone)));
      if (state.me?.phone === citizen.phone) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => openCitizen(citizen.phone, citizen.name));
      item.append(button);
      return item;
    }));
  };

  const openCitizen = async (phone, name) => {
    try {
      const citizen = await api('citizens', { phone, name });
      state.me = { phone: citizen.phone, name: citizen.name };
      saveCitizen(state.me);
    } catch (error) {
      $('citizen-error').textContent = error.message;
      return;
    }
    $('citizen-error').textContent = '';
    $('empty').hidden = true;
    $('messages').hidden = false;
    $('composer').hidden = false;
    $('me').textContent = `Você: ${state.me.name} · ${formatPhone(state.me.phone)}`;
    $('app').classList.add('show-chat');
    renderCitizens();
    setTyping(0);
    connect();
    $('composer-text').focus();
  };

  // ---- Dialogs: list, location, photo ----
  const closeOnCancel = (dialog) => dialog.querySelectorAll('[data-close]').forEach((b) => b.addEventListener('click', () => dialog.close()));

  const openList = (message) => {
    const interactive = message.message.interactive;
    $('list-title').textContent = interactive.action.button || 'Opções';
    $('list-error').textContent = '';
    const sections = $('list-sections');
    sections.replaceChildren();
    interactive.action.sections.forEach((section, s) => {
      if (section.title) sections.append(el('h3', '', section.title));
      section.rows.forEach((row, r) => {
        const label = el('label', 'option');
        const input = el('input');
        input.type = 'radio';
        input.name = 'row';
        input.value = row.id;
        input.id = `row-${s}-${r}`;
        const text = el('span', '', row.title);
        if (row.description) text.append(el('small', '', row.description));
        label.append(input, text);
        sections.append(label);
      });
    });
    $('list-form').dataset.context = message.id;
    $('list-dialog').showModal();
  };

  const openLocation = () => {
    $('location-error').textContent = '';
    $('location-lat').value = '';
    $('location-lng').value = '';
    $('location-dialog').showModal();
  };

  const parseCoordinate = (text) => {
    const value = Number(String(text).trim().replace(',', '.'));
    return String(text).trim() === '' || Number.isNaN(value) ? null : value;
  };

  const setUp = () => {
    const places = $('places');
    PLACES.forEach((place, i) => {
      const label = el('label', 'option');
      const input = el('input');
      input.type = 'radio';
      input.name = 'place';
      input.value = String(i);
      label.append(input, el('span', '', place.name));
      label.querySelector('span').append(el('small', '', place.address));
      places.append(label);
    });
    ['list-dialog', 'location-dialog', 'photo-dialog'].forEach((id) => closeOnCancel($(id)));

    $('citizen-phone').value = randomPhone();
    $('citizen-name').value = randomName();
    $('citizen-random').addEventListener('click', () => {
      $('citizen-phone').value = randomPhone();
      $('citizen-name').value = randomName();
      $('citizen-phone').focus();
    });
    $('citizen-form').addEventListener('submit', (event) => {
      event.preventDefault();
      openCitizen($('citizen-phone').value, $('citizen-name').value);
    });
    $('back').addEventListener('click', () => $('app').classList.remove('show-chat'));

    const text = $('composer-text');
    $('composer').addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = text.value.trim();
      if (!body) return;
      text.value = '';
      if (!(await send({ type: 'text', text: body }))) text.value = body;
      text.focus();
    });
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        $('composer').requestSubmit();
      }
    });

    $('list-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = $('list-form').querySelector('input[name="row"]:checked');
      if (!chosen) return void ($('list-error').textContent = 'Escolha uma opção.');
      $('list-dialog').close();
      await send({ type: 'reply', id: chosen.value, contextId: $('list-form').dataset.context });
    });

    $('attach-location').addEventListener('click', openLocation);
    $('location-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = $('location-form').querySelector('input[name="place"]:checked');
      const lat = parseCoordinate($('location-lat').value);
      const lng = parseCoordinate($('location-lng').value);
      let location;
      if (lat !== null || lng !== null) {
        if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
          return void ($('location-error').textContent = 'Coordenadas inválidas: latitude de -90 a 90 e longitude de -180 a 180.');
        }
        location = { latitude: lat, longitude: lng };
      } else if (chosen) {
        const place = PLACES[Number(chosen.value)];
        location = { latitude: place.latitude, longitude: place.longitude, placeName: place.name, address: place.address };
      } else {
        return void ($('location-error').textContent = 'Escolha um lugar ou digite as coordenadas.');
      }
      $('location-dialog').close();
      await send({ type: 'location', ...location });
    });

    const photoInput = $('photo-input');
    $('attach-photo').addEventListener('click', () => photoInput.click());
    photoInput.addEventListener('change', () => {
      const file = photoInput.files?.[0];
      photoInput.value = '';
      if (!file) return;
      if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type)) return showNotice('Escolha uma foto JPEG, PNG ou WebP.');
      if (file.size > MAX_PHOTO_BYTES) return showNotice('A foto pode ter no máximo 5 MB (limite do WhatsApp).');
      const reader = new FileReader();
      reader.addEventListener('load', () => {
        $('photo-preview').src = String(reader.result);
        $('photo-form').dataset.mime = file.type;
        $('photo-caption').value = '';
        $('photo-error').textContent = '';
        $('photo-dialog').showModal();
      });
      reader.addEventListener('error', () => showNotice('Não foi possível ler a foto.'));
      reader.readAsDataURL(file);
    });
    $('photo-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const caption = $('photo-caption').value.trim();
      $('photo-dialog').close();
      await send({ type: 'image', data: $('photo-preview').src, mimeType: $('photo-form').dataset.mime, ...(caption ? { caption } : {}) });
    });
  };

  const start = async () => {
    setUp();
    try {
      state.info = await api('info');
    } catch (error) {
      showNotice(error.message);
    }
    $('business-name').textContent = state.info.businessName;
    document.title = `Simulador de WhatsApp · ${state.info.businessName}`;
    renderCitizens();
    const last = savedCitizens()[0];
    if (last && window.matchMedia('(min-width: 761px)').matches) openCitizen(last.phone, last.name);
  };

  start();
})();
