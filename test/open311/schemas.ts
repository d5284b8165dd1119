import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/*
 * JSON Schemas written from the GeoReport v2 spec text (not copied from any repository): the shapes of the JSON
 * responses, with ids as strings, W3C datetimes with a timezone, open|closed statuses and the error list.
 */

const w3cDateTime = { type: 'string', format: 'date-time', pattern: '(Z|[+-]\\d{2}:\\d{2})$' };
const nullableString = { type: ['string', 'null'] };

export const discoverySchema = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: { type: 'string', minLength: 1 },
    contact: { type: 'string', minLength: 1 },
    key_service: { type: 'string', minLength: 1 },
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
          url: { type: 'string', format: 'uri', pattern: '[^/]$' },
          changeset: { type: 'string', minLength: 1 },
          type: { enum: ['production', 'test'] },
          formats: { type: 'array', items: { type: 'string' }, contains: { const: 'text/xml' } },
        },
      },
    },
  },
};

export const servicesSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['service_code', 'service_name', 'metadata', 'type'],
    additionalProperties: false,
    properties: {
      service_code: { type: 'string', minLength: 1 },
      service_name: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      metadata: { type: 'boolean' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: { type: 'string' },
      group: { type: 'string' },
    },
  },
};

export const definitionSchema = {
  type: 'object',
  required: ['service_code', 'attributes'],
  additionalProperties: false,
  properties: {
    service_code: { type: 'string', minLength: 1 },
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'code', 'datatype', 'required', 'order', 'description'],
        additionalProperties: false,
        properties: {
          variable: { type: 'boolean' },
          code: { type: 'string', minLength: 1 },
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: nullableString,
          order: { type: 'integer', minimum: 1 },
          description: { type: 'string' },
          values: { type: 'array', items: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string' }, name: { type: 'string' } } } },
        },
      },
    },
  },
};

const requestSchema = {
  type: 'object',
  required: ['service_request_id', 'status', 'service_code', 'requested_datetime'],
  additionalProperties: false,
  properties: {
    service_request_id: { type: 'string', pattern: '^\\d{4}-\\d{6}$' },
    status: { enum: ['open', 'closed'] },
    status_notes: nullableString,
    service_name: nullableString,
    service_code: { type: 'string' },
    description: nullableString,
    agency_responsible: nullableString,
    service_notice: nullableString,
    requested_datetime: w3cDateTime,
    updated_datetime: { anyOf: [w3cDateTime, { type: 'null' }] },
    expected_datetime: { anyOf: [w3cDateTime, { type: 'null' }] },
    address: nullableString,
    address_id: nullableString,
    zipcode: nullableString,
    lat: { type: ['number', 'null'] },
    long: { type: ['number', 'null'] },
    media_url: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
  },
};

export const requestsSchema = { type: 'array', items: requestSchema };

export const createdSchema = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['service_request_id'],
    additionalProperties: false,
    properties: { service_request_id: { type: 'string', pattern: '^\\d{4}-\\d{6}$' }, service_notice: nullableString, account_id: nullableString },
  },
};

export const errorsSchema = {
  type: 'array',
  minItems: 1,
  items: { type: 'object', required: ['code', 'description'], additionalProperties: false, properties: { code: { type: 'integer' }, description: { type: 'string', minLength: 1 } } },
};

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);

/** The schema's errors for `data`, as readable lines; empty when it conforms. */
export const violations = (schema: object, data: unknown): string[] => {
  const validate = ajv.compile(schema);
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
};
