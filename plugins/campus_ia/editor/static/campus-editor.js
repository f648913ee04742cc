/* Campus IA editor: the "bilingual" widget (French and English side by side) for Decap CMS.
 * Served by `campus-ia edit` only; nothing of the editor is part of the public site. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var LANGS = [["fr", "Français (fr)", "French (fr)"], ["en", "Anglais (en)", "English (en)"]];
  var uiFrench = (document.documentElement.lang || "fr").indexOf("fr") === 0;

  function part(value, code) {
    if (value == null) return "";
    if (typeof value === "string") return value;
    if (typeof value.get === "function") return value.get(code) || "";
    return value[code] || "";
  }

  var BilingualControl = createClass({
    // One value per language; an empty pair is saved as nothing, so optional fields stay absent.
    change: function (code, text) {
      var value = this.props.value;
      var next = { fr: part(value, "fr"), en: part(value, "en") };
      if (typeof value === "string") next = { fr: value, en: value };
      next[code] = text;
      this.props.onChange(next.fr === "" && next.en === "" ? undefined : next);
    },
    render: function () {
      var self = this, value = this.props.value, id = this.props.forID;
      // Inline grid: the CMS's own wrapper class would otherwise win over a stylesheet rule.
      return h("div", { className: "campus-bilingual " + (this.props.classNameWrapper || ""), id: id,
                        style: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(240px, 100%), 1fr))", gap: "12px" } },
        LANGS.map(function (lang) {
          var inputId = id + "-" + lang[0];
          return h("div", { key: lang[0], className: "campus-bilingual-part", lang: lang[0] },
            h("label", { htmlFor: inputId, className: "campus-bilingual-label" }, uiFrench ? lang[1] : lang[2]),
            h("textarea", {
              id: inputId, name: (self.props.field.get("name") || "") + "." + lang[0], rows: 3,
              value: part(value, lang[0]),
              onFocus: self.props.setActiveStyle, onBlur: self.props.setInactiveStyle,
              onChange: function (event) { self.change(lang[0], event.target.value); }
            }));
        }));
    }
  });

  var BilingualPreview = createClass({
    render: function () {
      var value = this.props.value;
      return h("p", {}, part(value, "fr") + " / " + part(value, "en"));
    }
  });

  CMS.registerWidget("bilingual", BilingualControl, BilingualPreview, {
    properties: { allow_single: { type: "boolean" } }
  });
})();
