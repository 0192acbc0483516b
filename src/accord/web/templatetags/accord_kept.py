"""``{% kept key %}…{% endkept %}``: a part of a page set once and kept under ``key`` (see
`accord.web.context.kept_part`), compressed, in the cache every instance shares.

Django's own ``{% cache %}`` keeps a part as it is: a whole compilation of 5,000 proposals,
10 MB of HTML, took longer to read back from the database cache than to set again. Nor would
it tell apart the form tokens of the readers it hands the part to; this tag does.
"""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from accord.store import queries

register = template.Library()

# Stands for the form token while a part is set: it is kept with the part and replaced by
# the token of whoever is handed it.
TOKEN = "accord-kept-form-token"  # noqa: S105 (not a secret: it stands for one)


class KeptNode(template.Node):
    def __init__(self, nodelist: NodeList, key: FilterExpression) -> None:
        self.nodelist = nodelist
        self.key = key

    def render(self, context: template.Context) -> SafeString:
        def rendered() -> bytes:
            with context.push(csrf_token=TOKEN):
                return self.nodelist.render(context).encode()

        page = queries.kept_text(str(self.key.resolve(context)), rendered).decode()
        if TOKEN in page:  # a form: the reader's own session's token, never the first reader's
            page = page.replace(TOKEN, str(context.get("csrf_token", "")))
        # What the node list set is safe HTML already, escaped as it was set.
        return mark_safe(page)  # noqa: S308


@register.tag("kept")
def kept(parser: Parser, token: Token) -> KeptNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% kept %} takes one argument: the key")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]))
