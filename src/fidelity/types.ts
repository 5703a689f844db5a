/**
 * A fidelity vector (see fidelity/README.md and ../shared/FIDELITY.md) asks one question of one
 * component. Each component answers every shape it knows with a handler that maps the vector's
 * `input` to an object comparable with its `expected`.
 */
export interface FidelityVector {
  id: string;
  component: string;
  shape: string;
  source?: string;
  provenance?: string;
  description?: string;
  input: Record<string, unknown>;
  expected: Record<string, unknown>;
}

// Vector inputs are untyped JSON; each handler narrows what it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FidelityHandler = (input: any) => Record<string, unknown>;

export interface FidelityAdapter {
  component: string;
  shapes: Record<string, FidelityHandler>;
}
