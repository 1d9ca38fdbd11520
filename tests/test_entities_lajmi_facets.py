"""The entity facets a reader sees first, browsing all of news-dev/lajmi
(../shared/data, read, never copied): the story's names, not the site's.

Lajmi closes most articles with its `/Lajmi.net/` signature, and embeds
carry share lines and weekdays; the extractor finds such edges from the
folder itself. What a reader must never meet in the top ten of any type is
checked here on the real folder, not on articles written for the test.
"""

import pytest

from conftest import LAJMI, needs_shared_data

pytestmark = [pytest.mark.slow, needs_shared_data(LAJMI)]

TOP = 10

# What boilerplate names look like when they leak: days and months (Albanian,
# English, German: the languages lajmi's embeds carry), share and embed lines.
CALENDAR_WORDS = {
    *"hënë martë mërkurë enjte premte shtunë diel".split(),
    *"monday tuesday wednesday thursday friday saturday sunday".split(),
    *"montag dienstag mittwoch donnerstag freitag samstag sonntag".split(),
    *"janar shkurt prill qershor korrik gusht shtator tetor nëntor dhjetor".split(),
    *"january february april june july august september october november december".split(),
}
SHARE_LINES = ("share", "tweet", "shpërndaje", "shiko videon", "gepostet von", "posted by", "view this post")


@pytest.fixture(scope="module")
def browsed(lajmi_index):
    return lajmi_index.search("", facets=True, limit=1).facets.entities


def boilerplate(value: str) -> bool:
    lowered = value.lower()
    return bool(CALENDAR_WORDS & set(lowered.split())) or any(line in lowered for line in SHARE_LINES)


def test_the_sites_signature_is_found_and_is_no_facet(lajmi_index, browsed):
    signatures = {s["name"]: s["articles"] for s in lajmi_index.stats().signatures}
    assert signatures.get("Lajmi.net", 0) > 250  # it closes most of the 499
    orgs = {v.value: v.count for v in browsed["org"]}
    assert orgs.get("Lajmi.net", 0) <= 2  # a story about the site itself may still name it
    for values in browsed.values():
        assert "Lajmi.net" not in [v.value for v in values[:TOP]]


def test_no_top_value_is_a_weekday_a_month_or_a_share_line(browsed):
    for field, values in browsed.items():
        leaked = [v.value for v in values[:TOP] if boilerplate(v.value)]
        assert not leaked, f"{field}: {leaked}"


def test_one_country_is_one_value_under_its_aliases(browsed):
    places = [v.value for v in browsed["place"][: 3 * TOP]]
    assert "Shtetet e Bashkuara" in places[:TOP]
    assert not {"SHBA", "Amerika", "ShBA"} & set(places)
    assert not {"Republika e Kosovës"} & set(places)
