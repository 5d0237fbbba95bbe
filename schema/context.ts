/** Built once per request (see server/http.ts). Pothos keeps this request's DataLoaders on it. */
export interface Context {
  requestId: string;
}
