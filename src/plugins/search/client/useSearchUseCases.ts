/** The use cases the search can be narrowed to, from the plugin's global data. */
import {usePluginData} from '@docusaurus/useGlobalData';
import {SEARCH_PLUGIN_NAME, type SearchPluginData, type SearchUseCase} from '../types';

export function useSearchUseCases(): readonly SearchUseCase[] {
  return (usePluginData(SEARCH_PLUGIN_NAME) as SearchPluginData).useCases;
}
