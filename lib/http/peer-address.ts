/**
 * Header in which the app server (server.ts) passes the address of the connected socket to the
 * route handlers, which see only a web Request. The server sets it on every request, replacing
 * whatever a client sent under that name, so its value cannot be forged.
 */
export const PEER_ADDRESS_HEADER = 'x-interlinear-peer-address';
