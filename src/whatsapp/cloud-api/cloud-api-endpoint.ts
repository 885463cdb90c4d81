/** Where the Cloud API is and how to call it: Meta's Graph API, or a simulator in its place. */
export interface CloudApiEndpoint {
  /** e.g. https://graph.facebook.com, no trailing slash. */
  baseUrl: string;
  version: string;
  accessToken: string;
  timeoutMs: number;
}

export const CLOUD_API_ENDPOINT = Symbol('CLOUD_API_ENDPOINT');
