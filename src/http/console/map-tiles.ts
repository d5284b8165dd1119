/**
 * The origin(s) the CSP must allow images from for a tile URL template. `{s}` subdomains (a, b, c) are spelled out,
 * since a CSP source cannot hold a placeholder.
 */
export const mapTileOrigins = (tileUrl: string | undefined): string[] => {
  if (!tileUrl) return [];
  const origin = /^https?:\/\/[^/]+/.exec(tileUrl)?.[0];
  if (!origin) return [];
  if (!origin.includes('{s}')) return [origin];
  return ['a', 'b', 'c'].map((subdomain) => origin.replace('{s}', subdomain));
};
