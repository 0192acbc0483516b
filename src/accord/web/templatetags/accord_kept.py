"""``{% kept key %}…{% endkept %}``: a part of a page set once and kept under ``key`` (see
`accord.web.context.kept_part`), compressed, in the cache every instance shares.

Django's own ``{% cache %}`` keeps a part as it is: a whole compilation of 5,000 proposals,
10 MB of HTML, took longer to read back from the database cache than to set again.
"""

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.utils.safestring import SafeString, mark_safe

from accord.store import queries

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist: NodeList, key: FilterExpression) -> None:
        self.nodelist = nodelist
        self.key = key

    def render(self, context: template.Context) -> SafeString:
        def rendered() -> bytes:
            return self.nodelist.render(context).encode()

        # What the node list set is safe HTML already, escaped as it was set.
        return mark_safe(queries.kept_text(str(self.key.resolve(context)), rendered).decode())  # noqa: S308


@register.tag("kept")
def kept(parser: Parser, token: Token) -> KeptNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% kept %} takes one argument: the key")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]))
