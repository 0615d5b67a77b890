/** The FHIR API's public base URL: FHIR_BASE_URL, else NEXTAUTH_URL + /fhir/R4, else the request's origin. */
export function fhirBase(requestUrl?: string): string {
  const explicit = process.env.FHIR_BASE_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, "");
  const site = process.env.NEXTAUTH_URL?.trim() || (requestUrl ? new URL(requestUrl).origin : "http://localhost:3000");
  return `${site.replace(/\/+$/, "")}/fhir/R4`;
}

/** The token endpoint: the `aud` a client assertion must carry. */
export const tokenUrl = (requestUrl?: string) => `${fhirBase(requestUrl)}/auth/token`;
