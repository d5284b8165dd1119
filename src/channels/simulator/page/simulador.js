// Simulador de WhatsApp: the chat page. Plain browser JavaScript modules, no build step.
// Talks to /simulador/api/* (JSON) and receives the chat live through Server-Sent Events.
import { $, el, formatPhone } from './format.js';
import { createRenderer } from './render.js';

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

const state = { info: { businessName: 'Prefeitura', displayPhoneNumber: '', templates: [] }, me: null, source: null, typingTimer: null };

const randomDigits = (n) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');
const randomPhone = () => `+55 63 9${randomDigits(4)}-${randomDigits(4)}`;
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

// Taps on bot messages call back into this page; the wrappers resolve the dialogs defined further down.
const view = createRenderer({
  templates: () => state.info.templates,
  send,
  openList: (message) => openList(message),
  openLocation: () => openLocation(),
});

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
  view.scrollToEnd();
};

// ---- Live chat through Server-Sent Events ----
const connect = () => {
  if (state.source) state.source.close();
  const { phone, name } = state.me;
  const source = new EventSource(`/simulador/api/events?phone=${encodeURIComponent(phone)}&name=${encodeURIComponent(name)}`);
  state.source = source;
  source.addEventListener('snapshot', (event) => {
    const conversation = JSON.parse(event.data) || { messages: [] };
    view.reset();
    conversation.messages.forEach(view.renderMessage);
    view.scrollToEnd();
  });
  source.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    view.renderMessage(message);
    if (message.direction === 'out') setTyping(0);
    view.scrollToEnd();
  });
  source.addEventListener('update', (event) => view.updateStatus(JSON.parse(event.data)));
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
  $('avatar').textContent = state.info.businessName.trim().charAt(0).toUpperCase() || 'P';
  document.title = `Simulador de WhatsApp · ${state.info.businessName}`;
  renderCitizens();
  const last = savedCitizens()[0];
  if (last && window.matchMedia('(min-width: 761px)').matches) openCitizen(last.phone, last.name);
};

start();
