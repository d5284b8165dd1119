/** Names of the durable jobs the messaging domain enqueues. */
export const JOB = {
  processInbound: 'inbound.process',
  storeMedia: 'media.store',
} as const;

export interface ProcessInboundPayload {
  wamid: string;
}

export interface StoreMediaPayload {
  mediaId: string;
  inboundWamid: string;
}
