/**
 * The HTML template of every built page: Docusaurus 3.10's own
 * (`@docusaurus/core/lib/ssg/ssgTemplate.html.js`), except for how the
 * JavaScript bundles are loaded.
 *
 * Docusaurus puts `<script src=… defer>` for `runtime~main` and `main` in the
 * `<head>`, so the browser fetches the ~0.5 MB main bundle in parallel with
 * the stylesheet, and on a fast connection runs it (and starts hydration)
 * before it first paints. The text the page shows is already in the HTML, so
 * the first paint does not need the bundle. Here a small script at the end of
 * `<body>` (it runs once the document is parsed and the stylesheet loaded)
 * inserts the same scripts after the next frame has been painted; inserted
 * with `async = false`, they still run in order. The bundle then no longer
 * competes with the stylesheet for bandwidth, and Lighthouse no longer counts
 * its download and evaluation in FCP and LCP; hydration starts one frame
 * later than before.
 *
 * "After the first paint" means once the browser reports the first
 * contentful paint (a `paint` PerformanceObserver entry, which comes when
 * the frame has been presented), or where paint timing is missing, after the
 * next animation frame. The frame alone was not enough: on a loaded machine
 * the compositor may present the frame after the timer that follows the
 * frame's callback has already started the bundle, and Lighthouse then
 * counted the whole bundle in LCP (about 1 run in 5: 3.7–4.0 s instead of
 * 1.4–2.0 s).
 *
 * A hidden page (a background tab, where frames are not painted) loads the
 * scripts at once; a fallback timer loads them if no paint comes in time.
 */

/** Longest wait for the first paint before the scripts are inserted anyway, ms. */
export const SCRIPT_FALLBACK_MS = 500;

/**
 * The loader, as one line of browser JavaScript; `urls` is substituted with
 * the JSON array of script URLs by the template.
 */
export const SCRIPT_LOADER = [
  '(function(urls){',
  'var done=false;',
  'function load(){if(done)return;done=true;',
  'urls.forEach(function(u){var s=document.createElement("script");s.src=u;s.async=false;document.head.appendChild(s);});}',
  'if(document.visibilityState==="hidden"||typeof requestAnimationFrame!=="function"){load();return;}',
  'var P=typeof PerformanceObserver==="function"?PerformanceObserver:null;',
  'if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0){',
  'new P(function(list,observer){if(list.getEntriesByName("first-contentful-paint").length){observer.disconnect();setTimeout(load,0);}}).observe({type:"paint",buffered:true});',
  '}else{requestAnimationFrame(function(){setTimeout(load,0);});}',
  `setTimeout(load,${SCRIPT_FALLBACK_MS});`,
  '})',
].join('');

/** The template (Eta syntax, as Docusaurus's `ssrTemplate` option expects). */
export const ssrTemplate = `
<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <%~ it.postBodyTags %>
    <script>${SCRIPT_LOADER}(<%~ JSON.stringify(it.scripts.map((script) => it.baseUrl + script)) %>)</script>
  </body>
</html>
`;
