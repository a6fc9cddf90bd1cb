import { createContext, useContext } from 'react';
import type { Api } from '../../../shared/api/contract';

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext missing');
  return api;
}

/** The core's "today" (ISO): honours `attk serve --today`, so the UI and the rules agree. */
export const TodayContext = createContext<string>('');
export const useToday = (): string => useContext(TodayContext);
