// Material for MkDocs 9.8, partials/javascripts/base.html, moved out of the page for the
// Content-Security-Policy; the scope comes from the data-md-scope attribute of this script.
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
// Campus IA: JavaScript runs, though Material's bundle may not have started yet (material-on-use.js):
// campus-ia.css shows the search field and button it would otherwise hide under "no-js".
document.documentElement.classList.add("cia-js")
