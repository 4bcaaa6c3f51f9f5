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
 * A hidden page (a background tab, where frames are not painted) loads the
 * scripts at once; a fallback timer loads them if no frame comes in time.
 */

/** Longest wait for a painted frame before the scripts are inserted anyway, ms. */
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
  'requestAnimationFrame(function(){setTimeout(load,0);});',
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
