import { useCallback, useEffect, useRef } from 'react';

/**
 * Keeps only the newest request's answer: one that arrives after a newer request was sent, or after the
 * page went away, is dropped. Each data hook of the page settles its answers through it.
 */
export const useLatestAnswer = () => {
  const sequence = useRef(0);
  useEffect(
    () => () => {
      sequence.current += 1;
    },
    [],
  );
  return useCallback(async <T>(request: Promise<T>, settle: (answer: T) => void) => {
    sequence.current += 1;
    const mine = sequence.current;
    const answer = await request;
    if (mine === sequence.current) settle(answer);
  }, []);
};
