"""Words of the editor's forms in French and English: field labels, file names, a few hints.

A field the table does not name is labelled from its key ('as_of' -> 'As of'), so a new
model field always appears, labelled, in both languages' editors; translating its label
here is a nicety, not a requirement.
"""

from __future__ import annotations

from ..formatting.typography import french_typography

_FIELDS_FR = {
    "accelerators": "Accélérateurs", "as_of": "Date de l’information", "campus": "Campus",
    "category": "Catégorie", "comparison_grid": "Réseau de comparaison",
    "comparison_grid_name": "Nom du réseau de comparaison", "comparisons": "Comparaisons",
    "components": "Composantes", "compute_as_of": "Date du chiffre de calcul",
    "compute_pflops_dense": "Calcul (PFLOP/s, dense)", "compute_source": "Source du chiffre de calcul",
    "compute_status": "Statut du chiffre de calcul", "contact_url": "Page de contact",
    "corrections": "Rectifications", "country": "Pays", "date": "Date",
    "date_qualifier": "Précision de la date", "default_accelerator": "Accélérateur par défaut",
    "description": "Description", "edit_branch": "Branche d’édition", "email": "Adresse électronique",
    "en": "Anglais (en)", "figure": "Chiffre", "figures": "Chiffres", "fr": "Français (fr)",
    "france_consumption_twh": "Consommation de la France (TWh)", "generated": "Page générée",
    "grid_intensity": "Intensité carbone du réseau", "group": "Groupe", "high": "Haut",
    "id": "Identifiant", "independent": "Indépendant", "investment": "Investissement",
    "items": "Éléments", "key": "Clé (fiche)", "known": "Connu", "label": "Libellé",
    "last_reviewed": "Dernière relecture", "lifecycle": "Cycle de vie", "load_factor": "Facteur de charge",
    "low": "Bas", "milestone": "Jalon", "milestones": "Jalons", "name": "Nom", "note": "Note",
    "number_format": "Format numérique", "original_language": "Langue d’origine", "pages": "Pages",
    "partners": "Partenaires", "people": "Personnes", "phases": "Phases",
    "power_kw_all_in": "Puissance tout compris (kW)", "power_mw": "Puissance (MW)",
    "power_note": "Note sur la puissance", "publisher": "Éditeur", "pue": "PUE",
    "qualifier": "Qualificatif", "quotes": "Citations", "references": "Références",
    "reports": "Informations (sources)", "repository": "Dépôt", "role": "Rôle", "section": "Section",
    "sections": "Sections", "sectors": "Secteurs", "site_power": "Puissance du site", "slug": "Adresse",
    "source": "Source", "sources": "Sources", "sparsity_note": "Note sur la parcimonie",
    "speaker": "Auteur de la citation", "standing": "Rang", "state": "État", "status": "Statut",
    "summary": "Résumé", "tagline": "Accroche", "text": "Texte", "title": "Titre",
    "translation_note": "Note de traduction", "translation_source": "Source de la traduction",
    "unit": "Unité", "updates": "Mises à jour", "url": "Adresse web", "value": "Valeur",
    "via": "Trouvé via", "website": "Site web", "body": "Texte de la page",
    "translated_from": "Traduit de (empreinte)", "page": "Nouvelle page : adresse",
}
_FIELDS_EN = {"fr": "French (fr)", "en": "English (en)", "body": "Page text",
              "translated_from": "Translated from (hash)", "page": "New page: address", "key": "Key (facts sheet)",
              "as_of": "As of", "reports": "Reports (sources)"}
_CHOICES_FR = {
    "official": "officiel", "press": "presse", "estimate": "estimation", "unknown": "inconnu",
    "lead": "principale", "alternative": "autre version", "superseded": "remplacée",
    "exact": "exact", "approx": "environ", "up_to": "jusqu’à", "more_than": "plus de", "at_least": "au moins",
    "by_end": "d’ici la fin de", "before_end": "avant la fin de", "from": "à partir de", "expected": "prévue",
    "done": "fait", "planned": "prévu", "campus": "Campus IA", "context": "contexte",
    "founder": "fondateur", "participant": "participant", "fr": "français", "en": "anglais",
}
_FILES = {
    "site": ("Site et pages", "Site and pages"), "sources": ("Sources", "Sources"),
    "campus": ("Campus et chiffres", "Campus and figures"), "partners": ("Partenaires", "Partners"),
    "investment": ("Investissement", "Investment"), "timeline": ("Calendrier (jalons)", "Timeline (milestones)"),
    "education": ("Formation", "Education"), "quotes": ("Citations", "Quotes"),
    "capacity": ("Modèle de capacité", "Capacity model"), "updates": ("Mises à jour (flux)", "Updates (feed)"),
}
_UI = {
    "content": ("Contenu (faits et chiffres)", "Content (facts and figures)"),
    "content_description": ("Chaque enregistrement est vérifié comme par « campus-ia check » avant "
                            "d’être écrit.", "Every save is checked like 'campus-ia check' before it is written."),
    "pages_fr": ("Pages en français", "Pages in French"),
    "pages_en": ("Pages en anglais", "Pages in English"),
    "translated_from_hint": ("Rempli par « campus-ia i18n mark-current » ; laissez-le tel quel sauf "
                             "pour marquer une traduction à jour.",
                             "Set by 'campus-ia i18n mark-current'; leave it as it is unless you are "
                             "marking a translation up to date."),
    "page_hint": ("Pour une nouvelle page seulement : son adresse dans cette langue, comme le « slug » "
                  "déclaré dans Site et pages › Pages (déclarez-la d’abord là, avec son titre fr et en).",
                  "For a new page only: its address in this language, as the 'slug' given in Site and "
                  "pages › Pages (list it there first, with its fr and en title)."),
    "date_pattern": ("Date au format AAAA-MM-JJ, AAAA-MM, AAAA-Tn (écrire 2027-Q4), AAAA-Hn ou AAAA",
                     "A date: YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY"),
}


def field_label(name: str, lang: str) -> str:
    """The label of a field key in the editor's language."""
    if lang == "fr":
        return french_typography(_FIELDS_FR.get(name) or name.replace("_", " ").capitalize())
    return _FIELDS_EN.get(name) or name.replace("_", " ").capitalize()


def file_label(stem: str, lang: str) -> str:
    """The name of a content file in the editor's language."""
    fr, en = _FILES.get(stem, (stem, stem))
    return fr if lang == "fr" else en


def ui_text(key: str, lang: str) -> str:
    """A sentence of the editor's configuration in its language."""
    fr, en = _UI[key]
    return french_typography(fr) if lang == "fr" else en


def choice_options(values: list[str], lang: str) -> list[str | dict[str, str]]:
    """A select's options: the values themselves in English; in French, a French label beside the
    value the files and messages use (« officiel (official) »)."""
    if lang != "fr":
        return list(values)
    return [{"label": french_typography(f"{_CHOICES_FR[v]} ({v})"), "value": v} if v in _CHOICES_FR else v for v in values]
