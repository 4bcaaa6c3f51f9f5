/**
 * The site's client entry: Docusaurus's own `clientEntry` (which renders and
 * hydrates the page), preceded by the largest parts of what it imports (React, the router, the client modules, the routes), each
 * evaluated in its own task (see runInTasks.ts).
 *
 * Evaluating the main bundle's modules was one task of about 240 ms on
 * Lighthouse's simulated mobile CPU, most of each page's Total Blocking
 * Time. The imports are `eager`: they stay in the main bundle (no extra
 * request); only the moment each is evaluated changes. When `clientEntry`
 * runs, what it imports is already evaluated and comes from the module cache,
 * in the order its own imports would have evaluated it: React first, then the
 * client modules (which `App` imports first), then the routes.
 */
import {runInTasks} from './runInTasks';

void runInTasks([
  () => import(/* webpackMode: "eager" */ 'react-dom/client'),
  () => import(/* webpackMode: "eager" */ 'react-router-dom'),
  () => import(/* webpackMode: "eager" */ '@generated/client-modules'),
  () => import(/* webpackMode: "eager" */ '@generated/routes'),
  () => import(/* webpackMode: "eager" */ '@docusaurus/core/lib/client/App'),
  () => import(/* webpackMode: "eager" */ '@docusaurus/core/lib/client/clientEntry'),
]);
