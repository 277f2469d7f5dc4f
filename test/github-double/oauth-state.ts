// The people of the GitHub double's OAuth (Sign in with GitHub): who the authorize page signs in,
// which repositories each person can read through the App, and the codes and user tokens issued.
export interface DoubleUserRepo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  installationId: number;
}

export class OAuthState {
  clientId = "Iv1.double-client";
  clientSecret = "double-client-secret";
  /** The login GET /login/oauth/authorize signs in (straight back with a code); null: the person declines. */
  signInAs: string | null = null;
  users = new Map<string, { id: number; repos: DoubleUserRepo[] }>();
  codes = new Map<string, string>();
  /** user token → login */
  userTokens = new Map<string, string>();
}
