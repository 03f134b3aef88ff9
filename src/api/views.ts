/**
 * The views the API reads (src/projections). Until that module's interface lands, the part the API uses is
 * declared here; this file then only re-exports it.
 */
export type CaseSummary = Record<string, unknown>;

export interface Projections {
  caseSummary: { get(caseId: string): CaseSummary | undefined };
  childIndex?: {
    matches(child: { givenName: string; familyName: string; dateOfBirth?: string; upn?: string }): string[];
  };
  waitFor(position: bigint): Promise<void>;
  lag(): bigint | number;
  caughtUp(): boolean;
}
