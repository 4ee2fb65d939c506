from django import template
from django.utils.safestring import SafeString

from glossary.terms import mark_terms

register = template.Library()


class GlossaryTermsNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> SafeString:
        html = self.nodelist.render(context)
        page = context.get("page")
        # Content pages only, and not the glossary page itself.
        if page is None or not getattr(page, "marks_glossary_terms", True):
            return html
        return mark_terms(html, page.locale.language_code)


@register.tag
def glossary_terms(parser: template.base.Parser, token: template.base.Token) -> GlossaryTermsNode:
    """{% glossary_terms %}…{% endglossary_terms %}: the first use of each glossary term in
    the enclosed content explained one tap away (glossary.terms)."""
    nodelist = parser.parse(("endglossary_terms",))
    parser.delete_first_token()
    return GlossaryTermsNode(nodelist)
