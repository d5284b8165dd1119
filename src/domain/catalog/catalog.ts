import type { Catalog, CatalogGroup, CatalogService } from './types.js';

export const findService = (catalog: Catalog, code: string): CatalogService | undefined =>
  catalog.services.find((s) => s.code === code);

export const requestServices = (catalog: Catalog): CatalogService[] => catalog.services.filter((s) => s.kind === 'request');

/** Groups in menu order, each with its services in catalog order; empty groups are left out. */
export const servicesByGroup = (catalog: Catalog): { group: CatalogGroup; services: CatalogService[] }[] =>
  [...catalog.groups]
    .sort((a, b) => a.order - b.order)
    .map((group) => ({ group, services: catalog.services.filter((s) => s.group === group.id) }))
    .filter((entry) => entry.services.length > 0);
