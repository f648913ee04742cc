// Material for MkDocs 9.8, partials/javascripts/content.html, moved out of the page for the
// Content-Security-Policy (unchanged).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
