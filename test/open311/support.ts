import { XMLParser } from 'fast-xml-parser';
import type { TestApp } from '../support/test-app.js';

/** Elements the spec repeats: always arrays after parsing, however many there are. */
const REPEATED = new Set(['service', 'request', 'error', 'endpoint', 'format', 'attribute', 'value']);

const parser = new XMLParser({ isArray: (name) => REPEATED.has(name), parseTagValue: false, trimValues: false });

export const parseXml = (text: string): Record<string, unknown> => parser.parse(text, true) as Record<string, unknown>;

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

export const get = async (app: TestApp, path: string): Promise<Answer> => {
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
};

/** A POST as Open311 clients send it: application/x-www-form-urlencoded. */
export const postForm = async (app: TestApp, path: string, fields: Array<[string, string]> | Record<string, string>): Promise<Answer> => {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
};

export const json = (answer: Answer): unknown => JSON.parse(answer.text) as unknown;
