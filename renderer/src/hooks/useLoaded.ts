import { useEffect, useState, type DependencyList } from 'react';

/**
 * Load data once per change of `deps` (a print view's figures, say): `data` null until it
 * arrives, `error` the Vietnamese message of a failed call. An answer that arrives after the
 * inputs changed, or after the view closed, is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null });
    load()
      .then((data) => live && setState({ data, error: null }))
      .catch((e: Error) => live && setState({ data: null, error: e.message }));
    return () => {
      live = false;
    };
  }, deps);
  return state;
}
