"""What a person types to name delegations: names or codes, in any case."""

from accord.web.forms import delegation_codes


def test_names_and_codes_in_any_case_read_as_codes_once_each_in_order():
    assert delegation_codes("Brazil, kenya; BRA, Iran (Islamic Republic of)") == [
        "BRA",
        "KEN",
        "IRN",
    ]


def test_a_name_is_not_split_at_its_spaces_but_a_list_of_codes_is():
    assert delegation_codes("Saudi Arabia, United States of America") == ["SAU", "USA"]
    assert delegation_codes("bra ken") == ["BRA", "KEN"]


def test_groups_are_named_by_name_or_code():
    assert delegation_codes("European Union, arab-group") == ["eu", "arab-group"]


def test_what_names_nothing_is_given_back_as_typed_or_upper_cased():
    assert delegation_codes("Atlantis") == ["Atlantis"]
    assert delegation_codes("Atlantis, xyz", upper=True) == ["ATLANTIS", "XYZ"]
    assert delegation_codes(" , ;") == []
