import type { Open311Attribute, Open311Created, Open311Error, Open311Request, Open311Service, Open311ServiceDefinition } from '../../domain/open311/index.js';
import { elementOf, listOf, type XmlNode } from './xml.js';

/** Service discovery (Service_Discovery spec): the same fields in both formats. */
export interface Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Array<{ specification: string; url: string; changeset: string; type: 'production' | 'test'; formats: string[] }>;
}

/*
 * One function per resource gives the XML tree the spec names element by element; the JSON form is the same data
 * by the Spark convention (the plural wrapper becomes the array).
 */

export const discoveryXml = (d: Discovery): XmlNode => ({
  name: 'discovery',
  children: [
    { name: 'changeset', text: d.changeset },
    { name: 'contact', text: d.contact },
    { name: 'key_service', text: d.key_service },
    listOf('endpoints', d.endpoints, (e) => ({
      name: 'endpoint',
      children: [
        { name: 'specification', text: e.specification },
        { name: 'url', text: e.url },
        { name: 'changeset', text: e.changeset },
        { name: 'type', text: e.type },
        listOf('formats', e.formats, (f) => ({ name: 'format', text: f })),
      ],
    })),
  ],
});

export const servicesXml = (services: readonly Open311Service[]): XmlNode => listOf('services', services, (s) => elementOf('service', { ...s }));

const attributeXml = (a: Open311Attribute): XmlNode => {
  const { values = [], ...scalars } = a;
  const node = elementOf('attribute', scalars);
  const children = 'children' in node ? node.children : [];
  return { name: 'attribute', children: values.length ? [...children, listOf('values', values, (v) => elementOf('value', v))] : children };
};

export const definitionXml = (d: Open311ServiceDefinition): XmlNode => ({
  name: 'service_definition',
  children: [{ name: 'service_code', text: d.service_code }, listOf('attributes', d.attributes, attributeXml)],
});

export const requestsXml = (requests: readonly Open311Request[]): XmlNode => listOf('service_requests', requests, (r) => elementOf('request', { ...r }));

export const createdXml = (created: readonly Open311Created[]): XmlNode => listOf('service_requests', created, (c) => elementOf('request', { ...c }));

export const errorsXml = (error: Open311Error): XmlNode => listOf('errors', error.errors, (e) => elementOf('error', { ...e }));
