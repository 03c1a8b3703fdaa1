/**
 * The addresses feeds link to, absolute (feed readers and e-reader apps resolve relative links
 * unreliably): the reader, the downloads and the catalogue's own pages. Pure.
 */
export function feedUrls(origin: string) {
  const base = origin.replace(/\/+$/u, '');
  const download = (path: string, params: Record<string, string>) => `${base}${path}?${new URLSearchParams(params).toString()}`;
  return {
    home: `${base}/`,
    opdsRoot: `${base}/opds`,
    opdsNew: `${base}/opds/new`,
    opdsCollection: (collectionId: string) => `${base}/opds/collections/${collectionId}`,
    opdsCollectionWorks: (collectionId: string, page = 1) => `${base}/opds/collections/${collectionId}/works${page > 1 ? `?page=${page}` : ''}`,
    opdsVolume: (volumeId: string) => `${base}/opds/volumes/${volumeId}`,
    newAtom: `${base}/feeds/new.atom`,
    work: (workId: string) => `${base}/works/${workId}`,
    volume: (volumeId: string) => `${base}/volumes/${volumeId}`,
    /** The reader with a translation beside its original. */
    translation: (workId: string, language: string) => `${base}/works/${workId}/read?${new URLSearchParams({ mode: 'parallel', target: language }).toString()}`,
    workDownload: (workId: string, params: Record<string, string>) => download(`/api/works/${workId}/export`, params),
    volumeDownload: (volumeId: string, params: Record<string, string>) => download(`/api/volumes/${volumeId}/export`, params),
  };
}

export type FeedUrls = ReturnType<typeof feedUrls>;

/**
 * The origin feeds are written for: the app's public address (NEXTAUTH_URL) when configured, else
 * the origin the request came to. Pure.
 */
export function feedOrigin(publicUrl: string | undefined, requestUrl: string): string {
  return new URL(publicUrl ?? requestUrl).origin;
}
