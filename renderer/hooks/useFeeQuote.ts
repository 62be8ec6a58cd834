import { useCallback } from 'react';
import type { RequestOf } from '../../services/contract';
import { call } from '../api';
import { useApiData } from './useApiData';

/** Today's fee for a kind of counter transaction, from the effective-dated fee table. */
export function useFeeQuote(kind: RequestOf<'feesQuote'>['kind']) {
  const fetchFee = useCallback(() => call('feesQuote', { kind }), [kind]);
  const { data, error } = useApiData(fetchFee);
  return { fee: data, error };
}
