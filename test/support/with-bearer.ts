import request from 'supertest';

/** Requests that all carry one Authorization header. */
export interface BearerRequests {
  get(path: string): request.Test;
  post(path: string): request.Test;
  patch(path: string): request.Test;
}

/** Requests to an in-process server or a base URL, each with the given Authorization header, as a signed-in person sends them. */
export function withBearer(target: Parameters<typeof request>[0], authorization: string): BearerRequests {
  return {
    get: (path) => request(target).get(path).set('Authorization', authorization),
    post: (path) => request(target).post(path).set('Authorization', authorization),
    patch: (path) => request(target).patch(path).set('Authorization', authorization),
  };
}
