import { findService, servicesByGroup } from '../domain/catalog/index.js';
import type { EngineContext } from './context.js';
import type { Option, Reply } from './reply.js';

export const PROTOCOL_OPTION = 'act:protocol';
export const HUMAN_OPTION = 'act:human';
const MAX_ROWS = 10;

const serviceOption = (ctx: EngineContext, code: string): Option => {
  const service = findService(ctx.city.catalog, code);
  return { id: `svc:${code}`, title: service?.menuTitle ?? code, ...(service ? { description: service.menuDescription } : {}) };
};

const actionOptions = (ctx: EngineContext): Option[] => [
  { id: PROTOCOL_OPTION, title: ctx.t('menu.protocol'), description: ctx.t('menu.protocolDescription') },
  { id: HUMAN_OPTION, title: ctx.t('menu.human'), description: ctx.t('menu.humanDescription') },
];

/**
 * The main menu's options: every service when they fit in one WhatsApp list with the two actions, otherwise one
 * row per group (a group with a single service is that service) and the group opens a second list.
 */
export const mainMenuOptions = (ctx: EngineContext): Option[] => {
  const groups = servicesByGroup(ctx.city.catalog);
  const services = groups.flatMap((g) => g.services);
  const actions = actionOptions(ctx);
  if (services.length + actions.length <= MAX_ROWS) return [...services.map((s) => serviceOption(ctx, s.code)), ...actions];
  const rows = groups.map(({ group, services: members }) =>
    members.length === 1 && members[0]
      ? serviceOption(ctx, members[0].code)
      : { id: `grp:${group.id}`, title: group.title, description: members.map((s) => s.menuTitle).join(', ').slice(0, 72) },
  );
  return [...rows, ...actions];
};

export const groupOptions = (ctx: EngineContext, groupId: string): Option[] =>
  (servicesByGroup(ctx.city.catalog).find((g) => g.group.id === groupId)?.services ?? []).map((s) => serviceOption(ctx, s.code));

export const menuReply = (ctx: EngineContext, body = ctx.t('menu.body')): Reply => ({
  kind: 'list',
  body,
  button: ctx.t('menu.button'),
  options: mainMenuOptions(ctx),
});

export const groupReply = (ctx: EngineContext, groupId: string): Reply => {
  const group = ctx.city.catalog.groups.find((g) => g.id === groupId);
  return { kind: 'list', body: ctx.t('menu.group', { group: group?.title ?? '' }), button: ctx.t('menu.button'), options: groupOptions(ctx, groupId) };
};
