import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../shared/schema/fields';

const PAGE_SIZE = 100;

export interface PagedList<T> {
  /** null until the first page of the current query has arrived. */
  total: number | null;
  rowAt: (index: number) => T | undefined;
  /** Ask for the rows a virtualised table is about to show. */
  ensureRange: (start: number, end: number) => void;
  /** Refetch after a write, keeping the scroll position. */
  reload: () => void;
  error: string | null;
}

/**
 * Windowed loading for big lists: the table asks for the visible range, pages of 100 rows come
 * from the core on demand, and a new query (key) drops stale answers. 10,000 people never cross
 * the bridge at once.
 */
export function usePagedList<T>(fetchPage: (offset: number, limit: number) => Promise<Page<T>>, key: string): PagedList<T> {
  const pages = useRef(new Map<number, T[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);

  const load = useCallback((page: number, gen: number) => {
    if (inflight.current.has(page)) return;
    inflight.current.add(page);
    fetchRef
      .current(page * PAGE_SIZE, PAGE_SIZE)
      .then((result) => {
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        setError(null);
        setVersion((v) => v + 1);
      })
      .catch((e: Error) => {
        if (gen === generation.current) setError(e.message);
      })
      .finally(() => {
        if (gen === generation.current) inflight.current.delete(page);
      });
  }, []);

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    inflight.current = new Set();
    load(0, generation.current);
  }, [key, load]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end) / PAGE_SIZE); p++) {
        if (!pages.current.has(p)) load(p, generation.current);
      }
    },
    [load],
  );

  const reload = useCallback(() => {
    const loaded = [...pages.current.keys()];
    generation.current += 1;
    inflight.current = new Set();
    const gen = generation.current;
    for (const p of loaded.length ? loaded : [0]) {
      pages.current.delete(p);
      load(p, gen);
    }
  }, [load]);

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return { total, rowAt, ensureRange, reload, error };
}
