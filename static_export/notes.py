"""The few words the static copy adds to the live pages, in the site's six languages.

They are not in the site's message catalogues: the live site never shows them, and
`make makemessages` would otherwise put them before its translators. Keys are the site's
language codes.
"""

# In place of the contact form, which has nothing to post to in a static copy.
CONTACT_NOTE = {
    "de": "Dies ist die archivierte Fassung der Website von migraUp! Pankow (2015–2025): "
    "Das Kontaktformular versendet keine Nachrichten mehr.",
    "en": "This is the archived version of the migraUp! Pankow website (2015–2025): "
    "the contact form no longer sends messages.",
    "es": "Esta es la versión archivada del sitio web de migraUp! Pankow (2015–2025): "
    "el formulario de contacto ya no envía mensajes.",
    "it": "Questa è la versione archiviata del sito web di migraUp! Pankow (2015–2025): "
    "il modulo di contatto non invia più messaggi.",
    "tr": "Bu, migraUp! Pankow web sitesinin arşivlenmiş sürümüdür (2015–2025): "
    "iletişim formu artık mesaj göndermiyor.",
    "ar": "هذه هي النسخة المؤرشفة من موقع migraUp! Pankow ‏(2015–2025): "
    "لم يعد نموذج الاتصال يرسل الرسائل.",
}
# Followed by a link to the partners' index page, whose pages show their addresses.
CONTACT_ADDRESSES = {
    "de": "Die Anschriften der beteiligten Organisationen stehen auf ihren Seiten:",
    "en": "The addresses of the organisations involved are on their pages:",
    "es": "Las direcciones de las organizaciones participantes están en sus páginas:",
    "it": "Gli indirizzi delle organizzazioni coinvolte si trovano sulle loro pagine:",
    "tr": "Katılan kuruluşların adresleri kendi sayfalarında yer alıyor:",
    "ar": "عناوين المنظمات المشاركة موجودة على صفحاتها:",
}
# The static search runs in the browser (Pagefind); the live one works without JavaScript.
SEARCH_NEEDS_SCRIPT = {
    "de": "Die Suche dieser archivierten Fassung läuft im Browser und braucht JavaScript. "
    "Das Menü führt zu allen Projekten, Netzwerken, Partnern, Materialien und zum Archiv.",
    "en": "The search of this archived version runs in your browser and needs JavaScript. "
    "The menu leads to all projects, networks, partners, materials and the archive.",
    "es": "La búsqueda de esta versión archivada funciona en el navegador y necesita "
    "JavaScript. El menú lleva a todos los proyectos, redes, socios, materiales y al archivo.",
    "it": "La ricerca di questa versione archiviata funziona nel browser e richiede "
    "JavaScript. Il menu porta a tutti i progetti, le reti, i partner, i materiali e "
    "all'archivio.",
    "tr": "Bu arşivlenmiş sürümde arama tarayıcıda çalışır ve JavaScript gerektirir. "
    "Menü tüm projelere, ağlara, ortaklara, materyallere ve arşive götürür.",
    "ar": "يعمل البحث في هذه النسخة المؤرشفة داخل المتصفح ويحتاج إلى JavaScript. "
    "تقود القائمة إلى جميع المشاريع والشبكات والشركاء والمواد والأرشيف.",
}


def text(texts: dict[str, str], language: str) -> str:
    """The text in that language, German (the source language) when there is none."""
    return texts.get(language) or texts["de"]
