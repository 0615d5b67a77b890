import { GRANTABLE_SCOPES } from "./scopes";

/** /.well-known/smart-configuration for SMART Backend Services. */
export function smartConfiguration(base: string) {
  return {
    token_endpoint: `${base}/auth/token`,
    grant_types_supported: ["client_credentials"],
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: ["RS384", "ES384"],
    scopes_supported: GRANTABLE_SCOPES,
    capabilities: ["client-confidential-asymmetric"],
  };
}
