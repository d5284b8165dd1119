/** Names of the durable jobs the messaging domain enqueues. */
export const JOB = {
  processInbound: 'inbound.process',
  storeMedia: 'media.store',
  eraseCitizen: 'citizen.erase',
} as const;

/** A citizen's confirmed "apagar meus dados", carried out once their last replies went out. */
export interface EraseCitizenPayload {
  citizenKey: string;
}

/** Written by intake in the same statement as the message (InboundRepository.insertManyWithJobs). */
export interface ProcessInboundPayload {
  wamid: string;
}

export interface StoreMediaPayload {
  mediaId: string;
  inboundWamid: string;
}
