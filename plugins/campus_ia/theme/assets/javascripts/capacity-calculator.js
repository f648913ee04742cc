/*
 * Campus IA capacity calculator: progressive enhancement of the capacity page.
 *
 * Without JavaScript the page shows static tables built by campus_ia.capacity (Python).
 * This script reveals an interactive form that recomputes the same figures with the same
 * formulas, in the same order of operations, so both agree to the last bit (a test runs
 * `compute` under node and compares it with Python).
 *
 * Plain ES2019, no dependencies, strict-CSP safe: no eval, no inline handlers, no style
 * attributes; it only toggles `hidden` and sets text, values and min/max/step attributes.
 *
 * PAGE CONTRACT
 * 1. Data: <script type="application/json" id="cia-capacity-data"> containing
 *    {
 *      "lang": "fr" | "en",
 *      "inputs": {
 *        "site_power_mw": {"value": n, "low": n|null, "high": n|null},
 *        "pue":           {"value": n, "low": n|null, "high": n|null},
 *        "load_factor":   {"value": n, "low": n|null, "high": n|null},
 *        "accelerators": {"<id>": {"power_kw_all_in": {"value", "low", "high"},
 *                                  "compute_pflops_dense": n, "number_format": "BF16"}},
 *        "default_accelerator": "<id>",
 *        "france_consumption_twh": n,
 *        "grid_intensity_g_per_kwh": n,
 *        "comparison_grid_intensity_g_per_kwh": n,
 *        "investment_eur": n | null,
 *        "investment_site_power_mw": n | null
 *      },
 *      "significant": {"<output key>": figures},  // missing keys use DEFAULT_SIGNIFICANT
 *      "messages": {"<input name>": {"hint", "empty", "not_number", "out_of_range"},
 *                   "accelerator_power_kw": {"<id>": {...the same four...}}}  // optional
 *    }
 * 2. Calculator: <div id="cia-calculator" hidden> (this script removes `hidden`); not a
 *    <form>, since nothing is ever submitted: the figures follow each input. It contains
 *    - <input type="range"|"number" name="site_power_mw|pue|load_factor|accelerator_power_kw">
 *      Several inputs may share a name (a slider plus a text box): they are kept in sync.
 *      A text box is read and written the page's way ("1,3" in French; spaces between digit
 *      groups and a final "%" are accepted). What it cannot use (empty, not a number, outside
 *      the span) is never changed or clamped: the box gets aria-invalid="true", the element
 *      [data-error-for=NAME] shows the message from the data, a [data-calculator-status]
 *      live region announces it, and the figures keep the last accepted value.
 *      min/max are set from the data range, widened by the page's own min/max attributes
 *      when it gives them (campus_ia.capacity.calculator.calculator_bounds mirrors this); an
 *      input with neither is fixed at its value. The accelerator power ignores page bounds.
 *      Inputs without a step attribute get step="any" (the browser default of 1 would make
 *      a PUE slider jump from 1 to 2).
 *    - <select name="accelerator"> whose option values are accelerator ids (filled from the
 *      data if the page leaves it empty). Changing it sets accelerator_power_kw to that
 *      accelerator's central value with min/max at its range.
 *    - <output data-output="KEY"> for KEY in it_power_mw, accelerators, peak_compute_exaflops,
 *      annual_energy_twh, share_of_france_consumption, annual_emissions_kt_co2,
 *      annual_emissions_kt_co2_comparison_grid, investment_eur_per_mw.
 *      Every output is written to its significant figures (the share: those of the
 *      percentage); investment_eur_per_mw is "—" when the investment is unknown. French text
 *      uses U+202F for every space, as campus_ia.formatting does, so the calculator's text
 *      equals campus_ia.capacity.calculator.calculator_expected(...) character for character.
 *    - optional <span data-number-format>: receives the selected accelerator's number format.
 *    The outputs' container carries aria-live="polite" (set by the page); text is only
 *    rewritten when it changes, so screen readers hear real changes only.
 * 3. Exports: `compute` (pure) via module.exports under node and window.CampusIA in browsers.
 *    compute(values) takes flat numbers: site_power_mw, pue, load_factor, accelerator_power_kw,
 *    compute_pflops_dense, france_consumption_twh, grid_intensity_g_per_kwh,
 *    comparison_grid_intensity_g_per_kwh, investment_eur (number or null), and returns the
 *    eight outputs above (investment_eur_per_mw null when investment_eur is null). It throws a
 *    RangeError, like Python's CapacityInputError, for impossible values.
 */
(function () {
  "use strict";

  var HOURS_PER_YEAR = 8760;
  var RANGED = ["site_power_mw", "pue", "load_factor", "accelerator_power_kw"];
  var UNKNOWN = "\u2014";
  // Significant figures of every output, as in display.py's SIGNIFICANT_FIGURES.
  var DEFAULT_SIGNIFICANT = 3;

  // Same physical limits as campus_ia/capacity/inputs.py; the UI refuses values outside each
  // input's span before computing, so these only fire on a broken data block or a direct call.
  var RULES = {
    site_power_mw: [function (v) { return v > 0; }, "must be above 0 MW"],
    pue: [function (v) { return v >= 1; }, "PUE is facility power / IT power and cannot be below 1"],
    load_factor: [function (v) { return v > 0 && v <= 1; }, "must be above 0 and at most 1"],
    accelerator_power_kw: [function (v) { return v > 0; }, "must be above 0 kW"],
    compute_pflops_dense: [function (v) { return v > 0; }, "must be above 0 PFLOP/s"],
    france_consumption_twh: [function (v) { return v > 0; }, "must be above 0 TWh"],
    grid_intensity_g_per_kwh: [function (v) { return v >= 0; }, "cannot be negative"],
    comparison_grid_intensity_g_per_kwh: [function (v) { return v >= 0; }, "cannot be negative"]
  };

  function check(values, name) {
    var v = values[name];
    if (typeof v !== "number" || !isFinite(v)) {
      throw new RangeError(name + ": " + String(v) + " is not a finite number");
    }
    if (!RULES[name][0](v)) {
      throw new RangeError(name + ": " + v + " is impossible: " + RULES[name][1]);
    }
    return v;
  }

  /** Pure model; keep each expression in the same order as model.py's _evaluate. */
  function compute(values) {
    Object.keys(RULES).forEach(function (name) { check(values, name); });
    var investment = values.investment_eur;
    if (investment !== null && investment !== undefined &&
        (typeof investment !== "number" || !isFinite(investment) || investment < 0)) {
      throw new RangeError("investment_eur: " + String(investment) + " is impossible: cannot be negative");
    }
    var sitePower = values.site_power_mw;
    var itPower = sitePower / values.pue;
    var accelerators = itPower * 1000 / values.accelerator_power_kw;
    var energy = sitePower * values.load_factor * HOURS_PER_YEAR / 1000000;
    return {
      it_power_mw: itPower,
      accelerators: accelerators,
      peak_compute_exaflops: accelerators * values.compute_pflops_dense / 1000,
      annual_energy_twh: energy,
      share_of_france_consumption: energy / values.france_consumption_twh,
      annual_emissions_kt_co2: energy * values.grid_intensity_g_per_kwh,
      annual_emissions_kt_co2_comparison_grid: energy * values.comparison_grid_intensity_g_per_kwh,
      // Per MW of the power the amount is for (model.py: investment_site_power_mw).
      investment_eur_per_mw: investment === null || investment === undefined ? null
        : investment / (values.investment_site_power_mw || sitePower)
    };
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { compute: compute };
  }
  if (typeof window === "undefined" || typeof document === "undefined") {
    return;
  }
  window.CampusIA = Object.assign(window.CampusIA || {}, { compute: compute });

  function isNumber(v) {
    return typeof v === "number" && isFinite(v);
  }

  function attrNumber(el, name) {
    var raw = el.getAttribute(name);
    var n = raw === null || raw === "" ? NaN : Number(raw);
    return isFinite(n) ? n : null;
  }

  function Calculator(form, data) {
    this.form = form;
    this.data = data;
    this.inputs = data.inputs;
    this.lang = data.lang === "en" ? "en" : "fr";
    this.significant = data.significant || {};
    this.formatters = {};
    this.bounds = {};
    this.current = {};
    this.outputs = form.querySelectorAll("output[data-output]");
    this.select = form.querySelector("select[name=accelerator]");
    this.accelerator = this.inputs.default_accelerator;
  }

  Calculator.prototype.fields = function (name) {
    return this.form.querySelectorAll("input[name=" + name + "]");
  };

  /** Set min/max/value of every input named `name`; `estimate` may lack a range. */
  Calculator.prototype.configure = function (name, estimate, keepPageBounds) {
    var fields = this.fields(name);
    var first = fields[0];
    var low = isNumber(estimate.low) ? estimate.low : estimate.value;
    var high = isNumber(estimate.high) ? estimate.high : estimate.value;
    if (keepPageBounds && first) {
      // The data range says how uncertain the central value is; the page's min/max let a
      // reader go further (the site power slider spans the grid-connection phases).
      var pageLow = attrNumber(first, "min");
      var pageHigh = attrNumber(first, "max");
      if (pageLow !== null) low = Math.min(low, pageLow);
      if (pageHigh !== null) high = Math.max(high, pageHigh);
    }
    this.bounds[name] = [low, high];
    this.current[name] = estimate.value;
    for (var i = 0; i < fields.length; i++) {
      fields[i].min = String(this.bounds[name][0]);
      fields[i].max = String(this.bounds[name][1]);
      if (!fields[i].hasAttribute("step")) fields[i].step = "any";
      fields[i].value = this.written(fields[i], estimate.value);
    }
    this.showError(name, null);
  };

  /** `value` as `field` shows it: a slider takes JavaScript's digits, a text box the page's ("1,3"). */
  Calculator.prototype.written = function (field, value) {
    var text = String(value);
    return field.type === "range" || this.lang !== "fr" ? text : text.replace(".", ",");
  };

  /**
   * What a reader typed, as a number: NaN when it is not one, null when the box is empty.
   * French: decimal comma (a point is read the same way); English: decimal point, commas
   * between groups of three digits. Spaces (also no-break ones) may group digits; a final
   * "%" divides by 100, so "80 %" is a load factor of 0.8.
   */
  Calculator.prototype.parse = function (text) {
    var s = String(text).replace(/[\s\u00a0\u202f]/g, "");
    if (s === "") return null;
    var percent = s.charAt(s.length - 1) === "%";
    if (percent) s = s.slice(0, -1);
    if (this.lang === "fr") {
      s = s.replace(",", ".");
    } else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) {
      s = s.replace(/,/g, "");
    }
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return NaN;
    var n = Number(s);
    return percent ? n / 100 : n;
  };

  Calculator.prototype.texts = function (name) {
    var messages = this.data.messages || {};
    var texts = messages[name] || {};
    return name === "accelerator_power_kw" ? (texts[this.accelerator] || {}) : texts;
  };

  /** Show (or clear, with null) why the boxes named `name` refuse what was typed. */
  Calculator.prototype.showError = function (name, kind) {
    var text = kind ? (this.texts(name)[kind] || kind) : "";
    var fields = this.fields(name);
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].type === "range") continue;
      if (kind) fields[i].setAttribute("aria-invalid", "true");
      else fields[i].removeAttribute("aria-invalid");
    }
    var shown = this.form.querySelector("[data-error-for=" + name + "]");
    if (shown && shown.textContent !== text) shown.textContent = text;
    var hint = this.form.querySelector("[data-hint-for=" + name + "]");
    var hintText = this.texts(name).hint;
    if (hint && hintText && hint.textContent !== hintText) hint.textContent = hintText;
    this.announce(text);
  };

  // The live region speaks once typing pauses, so "1" on the way to "1,3" is not read out.
  Calculator.prototype.announce = function (text) {
    var status = this.form.querySelector("[data-calculator-status]");
    if (!status) return;
    window.clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(function () {
      if (status.textContent !== text) status.textContent = text;
    }, 600);
  };

  // A slider moves by fractions of a pixel: read it to three significant figures (1.23, not
  // 1.2345678), as precise as the estimates, kept inside its span.
  Calculator.prototype.sliderValue = function (name, raw) {
    var b = this.bounds[name];
    var value = Number(Number(raw).toPrecision(3));
    return Math.min(b[1], Math.max(b[0], value));
  };

  Calculator.prototype.accepts = function (name, value) {
    var b = this.bounds[name];
    return value >= b[0] && value <= b[1];
  };

  Calculator.prototype.selectAccelerator = function (id) {
    var acc = this.inputs.accelerators[id];
    if (!acc) return;
    this.accelerator = id;
    this.configure("accelerator_power_kw", acc.power_kw_all_in, false);
    var marks = this.form.querySelectorAll("[data-number-format]");
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].textContent !== acc.number_format) marks[i].textContent = acc.number_format;
    }
  };

  Calculator.prototype.formatter = function (key, significant) {
    var style = key === "share_of_france_consumption" ? "percent" : "decimal";
    var cacheKey = style + significant;
    if (!this.formatters[cacheKey]) {
      // Fixed significant figures (trailing zeros kept), like display.py's approximate().
      this.formatters[cacheKey] = new Intl.NumberFormat(this.lang, {
        style: style, minimumSignificantDigits: significant, maximumSignificantDigits: significant
      });
    }
    return this.formatters[cacheKey];
  };

  // Browsers disagree on French spacing (U+00A0 or U+202F for thousands and before "%",
  // depending on their ICU data); the site's Python Formatter writes U+202F for both, and
  // the calculator must print exactly what the static tables print.
  function typeset(lang, text) {
    return lang === "fr" ? text.replace(/\u00a0/g, "\u202f") : text;
  }

  Calculator.prototype.render = function () {
    var acc = this.inputs.accelerators[this.accelerator];
    var results;
    try {
      results = compute({
        site_power_mw: this.current.site_power_mw,
        pue: this.current.pue,
        load_factor: this.current.load_factor,
        accelerator_power_kw: this.current.accelerator_power_kw,
        compute_pflops_dense: acc.compute_pflops_dense,
        france_consumption_twh: this.inputs.france_consumption_twh,
        grid_intensity_g_per_kwh: this.inputs.grid_intensity_g_per_kwh,
        comparison_grid_intensity_g_per_kwh: this.inputs.comparison_grid_intensity_g_per_kwh,
        investment_eur: this.inputs.investment_eur,
        investment_site_power_mw: this.inputs.investment_site_power_mw
      });
    } catch (err) {
      return; // keep the last good figures rather than show nonsense
    }
    for (var i = 0; i < this.outputs.length; i++) {
      var out = this.outputs[i];
      var key = out.getAttribute("data-output");
      if (!Object.prototype.hasOwnProperty.call(results, key)) continue;
      var value = results[key];
      var significant = isNumber(this.significant[key]) ? this.significant[key] : DEFAULT_SIGNIFICANT;
      var text = isNumber(value) ? typeset(this.lang, this.formatter(key, significant).format(value)) : UNKNOWN;
      // Rewriting identical text would make aria-live regions re-announce it.
      if (out.textContent !== text) out.textContent = text;
    }
  };

  Calculator.prototype.onInput = function (event) {
    var target = event.target;
    if (target === this.select) {
      this.selectAccelerator(target.value);
      this.render();
      return;
    }
    var name = target.name;
    if (RANGED.indexOf(name) < 0 || target.tagName !== "INPUT") return;
    var value = target.type === "range" ? this.sliderValue(name, target.value) : this.parse(target.value);
    // Half-typed ("1," or "-") while typing: wait for the next key; on leaving the box, say so.
    if (event.type === "input" && target.type !== "range" && /[.,\-+]\s*$/.test(target.value)) return;
    var kind = value === null ? "empty" : !isFinite(value) ? "not_number"
      : !this.accepts(name, value) ? "out_of_range" : null;
    this.showError(name, kind);
    if (kind) return; // what the reader typed stays as typed; the figures keep the last value
    this.current[name] = value;
    var fields = this.fields(name);
    for (var i = 0; i < fields.length; i++) {
      // The box being typed in keeps its text ("1,30" stays "1,30"); the others follow.
      if (fields[i] !== target) {
        var written = this.written(fields[i], value);
        if (fields[i].value !== written) fields[i].value = written;
      }
    }
    this.render();
  };

  Calculator.prototype.start = function () {
    var self = this;
    ["site_power_mw", "pue", "load_factor"].forEach(function (name) {
      self.configure(name, self.inputs[name], true);
    });
    var ids = Object.keys(this.inputs.accelerators);
    if (!this.inputs.accelerators[this.accelerator]) this.accelerator = ids[0];
    if (this.select) {
      if (this.select.options.length === 0) {
        ids.forEach(function (id) { self.select.add(new Option(id, id)); });
      }
      this.select.value = this.accelerator;
    }
    this.selectAccelerator(this.accelerator);
    this.form.addEventListener("input", function (e) { self.onInput(e); });
    this.form.addEventListener("change", function (e) { self.onInput(e); });
    this.render();
    this.form.hidden = false;
  };

  function init() {
    var form = document.getElementById("cia-calculator");
    var source = document.getElementById("cia-capacity-data");
    // Material's instant navigation re-runs init on every page: start each form once.
    if (!form || !source || form.hasAttribute("data-cia-ready")) return;
    var data;
    try {
      data = JSON.parse(source.textContent);
    } catch (err) {
      return; // broken data: the static tables remain, which is the no-JS experience
    }
    if (!data || !data.inputs || !data.inputs.accelerators ||
        Object.keys(data.inputs.accelerators).length === 0) return;
    form.setAttribute("data-cia-ready", "");
    new Calculator(form, data).start();
  }

  // The static page already shows the same figures: start when the browser is idle,
  // so the calculator never delays the first paint or input.
  function initWhenIdle() {
    if (typeof window.requestIdleCallback === "function") {
      window.requestIdleCallback(init, { timeout: 1500 });
    } else {
      window.setTimeout(init, 0);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initWhenIdle);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initWhenIdle);
  } else {
    initWhenIdle();
  }
})();
