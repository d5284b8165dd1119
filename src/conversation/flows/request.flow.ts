import { findService, type CatalogService, type ServiceField } from '../../domain/catalog/index.js';
import { isInsideCity, matchPlace, placeLabel } from '../../domain/places/index.js';
import type { EngineContext, Outcome, Turn } from '../context.js';
import { answerOf, goTo } from '../outcome.js';
import type { Effect, Reply } from '../reply.js';
import type { ConversationState, RequestDraft } from '../state.js';
import { detectCommand, isNo, isYes } from '../words.js';

const MIN_DESCRIPTION = 8;
const MIN_ADDRESS = 8;

/** Asks the catalog field at `draft.fieldIndex`, or shows the summary once every field was asked. */
export const askNextField = (state: ConversationState, ctx: EngineContext, draft: RequestDraft, before: Reply[] = [], effects: Effect[] = []): Outcome => {
  const service = findService(ctx.city.catalog, draft.serviceCode);
  const field = service?.fields[draft.fieldIndex];
  if (!service || !field) return goTo(state, { name: 'requestConfirm', draft }, [...before, summary(ctx, service, draft)], effects);
  return goTo(state, { name: 'requestField', draft }, [...before, fieldQuestion(ctx, field)], effects);
};

export const startRequest = (state: ConversationState, ctx: EngineContext, serviceCode: string): Outcome =>
  askNextField(state, ctx, { serviceCode, fieldIndex: 0, mediaIds: [] });

const fieldQuestion = (ctx: EngineContext, field: ServiceField): Reply => {
  if (field.kind === 'location') return { kind: 'location_request', body: field.prompt };
  if (field.kind === 'photos') return { kind: 'buttons', body: field.prompt, options: [{ id: 'skip', title: ctx.t('request.photoLater') }] };
  if (!field.required) return { kind: 'buttons', body: field.prompt, options: [{ id: 'skip', title: ctx.t('request.skip') }] };
  return { kind: 'text', body: field.prompt };
};

const summary = (ctx: EngineContext, service: CatalogService | undefined, draft: RequestDraft): Reply => {
  const lines = [
    draft.location ? ctx.t('request.summaryLine', { label: labelOf(service, 'location', 'Local'), value: draft.location.text }) : undefined,
    draft.description ? ctx.t('request.summaryLine', { label: labelOf(service, 'description', 'Descrição'), value: draft.description }) : undefined,
    draft.reference ? ctx.t('request.summaryLine', { label: labelOf(service, 'reference', 'Referência'), value: draft.reference }) : undefined,
    draft.mediaIds.length > 0 ? ctx.t('request.summaryLine', { label: labelOf(service, 'photos', 'Fotos'), value: String(draft.mediaIds.length) }) : undefined,
  ].filter((line): line is string => line !== undefined);
  return {
    kind: 'buttons',
    body: ctx.t('request.summary', { service: service?.name ?? draft.serviceCode, lines: lines.join('\n') }),
    options: [
      { id: 'req:confirm', title: ctx.t('request.confirm') },
      { id: 'req:fix', title: ctx.t('request.fix') },
    ],
  };
};

const labelOf = (service: CatalogService | undefined, code: string, fallback: string): string =>
  service?.fields.find((f) => f.code === code)?.label ?? fallback;

const next = (draft: RequestDraft, change: Partial<RequestDraft>): RequestDraft => ({ ...draft, ...change, fieldIndex: draft.fieldIndex + 1 });

const again = (state: ConversationState, ctx: EngineContext, draft: RequestDraft, message: string): Outcome =>
  goTo(state, { name: 'requestField', draft }, [{ kind: 'text', body: message }]);

const answerLocation = (state: ConversationState, turn: Turn, ctx: EngineContext, draft: RequestDraft, skipped: boolean): Outcome => {
  const { content } = turn;
  if (skipped) return again(state, ctx, draft, ctx.t('request.locationUnknown'));
  if (content.type === 'location') {
    if (!isInsideCity(content.latitude, content.longitude, ctx.city.places.boundary)) return again(state, ctx, draft, ctx.t('request.locationOutside'));
    const text = content.address ?? content.name ?? `${content.latitude.toFixed(5)}, ${content.longitude.toFixed(5)}`;
    return askNextField(state, ctx, next(draft, { location: { text, latitude: content.latitude, longitude: content.longitude } }));
  }
  if (content.type !== 'text') return again(state, ctx, draft, ctx.t('request.locationInvalid'));
  const match = matchPlace(content.body, ctx.city.places);
  if (match.status === 'outside') return again(state, ctx, draft, ctx.t('request.locationOutside'));
  if (match.best) {
    const label = placeLabel(match.best.place);
    const text = content.body.trim().length > match.best.matchedName.length + 3 ? `${content.body.trim()} (${label})` : label;
    return askNextField(state, ctx, next(draft, { location: { text, placeId: match.best.place.id } }));
  }
  // An address we cannot place (street, lot, landmark) is still useful to the team; very short text is not.
  if (content.body.trim().length < MIN_ADDRESS) return again(state, ctx, draft, ctx.t('request.locationInvalid'));
  return askNextField(state, ctx, next(draft, { location: { text: content.body.trim() } }));
};

const answerText = (state: ConversationState, turn: Turn, ctx: EngineContext, draft: RequestDraft, field: ServiceField, skipped: boolean): Outcome => {
  if (skipped) return field.required ? again(state, ctx, draft, ctx.t('request.fieldRequired')) : askNextField(state, ctx, next(draft, {}));
  if (turn.content.type !== 'text') return again(state, ctx, draft, field.prompt);
  const value = turn.content.body.trim();
  if (field.maxLength && value.length > field.maxLength) return again(state, ctx, draft, ctx.t('common.tooLong', { max: field.maxLength }));
  if (field.required && value.length < MIN_DESCRIPTION) return again(state, ctx, draft, ctx.t('request.descriptionTooShort'));
  return askNextField(state, ctx, next(draft, field.code === 'reference' ? { reference: value } : { description: value }));
};

const answerPhotos = (state: ConversationState, turn: Turn, ctx: EngineContext, draft: RequestDraft, field: ServiceField, skipped: boolean): Outcome => {
  const { content } = turn;
  if (content.type === 'media' && content.kind === 'image') {
    const mediaIds = [...draft.mediaIds, content.mediaId];
    const effects: Effect[] = [{ kind: 'store_media', mediaId: content.mediaId, mimeType: content.mimeType }];
    if (mediaIds.length >= (field.maxItems ?? 3)) return askNextField(state, ctx, next(draft, { mediaIds }), [], effects);
    const more: Reply = { kind: 'buttons', body: ctx.t('request.photoMore'), options: [{ id: 'photos:done', title: ctx.t('request.photoContinue') }] };
    return goTo(state, { name: 'requestField', draft: { ...draft, mediaIds } }, [more], effects);
  }
  const answer = answerOf(content) ?? '';
  if (skipped || answer === 'photos:done' || isNo(answer) || isYes(answer) || detectCommand(answer) === 'skip') return askNextField(state, ctx, next(draft, {}));
  return again(state, ctx, draft, field.prompt);
};

/** The citizen's answer to the catalog field at `draft.fieldIndex` (the summary again when every field was asked). */
export const answerField = (state: ConversationState, turn: Turn, ctx: EngineContext, draft: RequestDraft): Outcome => {
  const answer = answerOf(turn.content) ?? '';
  const skipped = answer === 'skip' || detectCommand(answer) === 'skip';
  const field = findService(ctx.city.catalog, draft.serviceCode)?.fields[draft.fieldIndex];
  if (!field) return askNextField(state, ctx, draft);
  if (field.kind === 'location') return answerLocation(state, turn, ctx, draft, skipped);
  if (field.kind === 'photos') return answerPhotos(state, turn, ctx, draft, field, skipped);
  return answerText(state, turn, ctx, draft, field, skipped);
};

/** One answer while a request is being filled in, or at its summary. */
export const requestStep = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  const { step } = state;
  const answer = answerOf(turn.content) ?? '';
  if (step.name === 'requestField') return answerField(state, turn, ctx, step.draft);
  if (step.name === 'requestConfirm') {
    const { draft } = step;
    if ((answer === 'req:confirm' || isYes(answer)) && draft.location && draft.description) {
      const effect: Effect = {
        kind: 'open_request',
        serviceCode: draft.serviceCode,
        location: draft.location,
        description: draft.description,
        ...(draft.reference ? { reference: draft.reference } : {}),
        mediaIds: draft.mediaIds,
      };
      return goTo(state, { name: 'menu' }, [], [effect]);
    }
    if (answer === 'req:fix' || isNo(answer)) return askNextField(state, ctx, { serviceCode: draft.serviceCode, fieldIndex: 0, mediaIds: [] }, [{ kind: 'text', body: ctx.t('request.fixWhat') }]);
    return askNextField(state, ctx, draft);
  }
  return undefined;
};
