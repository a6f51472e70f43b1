/**
 * Secrets held outside the connection's React state (a Graph token, kept by the lazily loaded
 * Graph session), so that the one `secrets()` every copy-out scrubs with knows them too.
 */
const held = new Set<string>();

export function holdSecret(secret: string): void {
  if (secret) held.add(secret);
}

export function releaseSecret(secret: string): void {
  held.delete(secret);
}

export const heldSecrets = (): string[] => [...held];
