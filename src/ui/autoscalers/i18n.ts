/**
 * Strings of the autoscaler views (the Autoscalers tab and the autoscaler chart panels). They live
 * in src/ui/i18n/locales/{en,ko}/autoscalers.json; re-exported here for the views' tests.
 */
import en from '../i18n/locales/en/autoscalers.json';
import ko from '../i18n/locales/ko/autoscalers.json';

export const autoscalerResources = { en, ko };
