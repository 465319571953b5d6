/**
 * How the staff page signs in, served to it as /staff/config.json: in AWS through the user pool's
 * hosted UI (authorization code with PKCE); on the local stack with a development token for an
 * identity picked from a list.
 */
export type StaffSignIn =
  | {
      readonly kind: 'oidc';
      readonly authorizeUrl: string;
      readonly tokenUrl: string;
      readonly logoutUrl?: string;
      readonly clientId: string;
      readonly scope: string;
    }
  | { readonly kind: 'development'; readonly identities: readonly { readonly id: string; readonly label: string }[] };

export interface StaffPageConfig {
  readonly signIn: StaffSignIn;
}
