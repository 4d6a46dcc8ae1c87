"""Place mentions: token boundaries, longest match, kinds."""

from __future__ import annotations

import numpy as np
import pytest

from studyboard.nlp.places import Gazetteer
from studyboard.nlp.tokens import tokenizer_for


@pytest.fixture(scope="module")
def find(lexicon):
    gazetteer = Gazetteer(lexicon)
    tokenizer = tokenizer_for(lexicon)

    def mentions(text):
        tokens = tokenizer.tokenize(text)
        starts = np.array([t.start for t in tokens])
        ends = np.array([t.end for t in tokens])
        return [(m.surface, m.place.kind, m.place.place) for m in gazetteer.mentions(text, starts, ends)]

    return mentions


def test_province_and_city_in_one_place_name(find):
    assert find("在湖南省长沙市主持召开") == [("湖南省", "province", "湖南"), ("长沙市", "city", "长沙")]


def test_official_title(find):
    assert find("山西省委书记唐登杰") == [("山西省委书记", "official", "山西")]


def test_name_inside_another_word_is_no_mention(find):
    assert find("两地情况大同小异") == []
    assert find("长治久安") == []


def test_regions_are_linked_to_member_provinces(lexicon, find):
    assert find("大力促进长江中游城市群发展") == [("长江中游城市群", "region", "长江中游城市群")]
    region = Gazetteer(lexicon).names["长江中游城市群"]
    assert set(region.adcodes) == {"420000", "430000", "360000"}


def test_find_place_in_metadata(lexicon):
    places = Gazetteer(lexicon).find_place("湖南省长沙市")
    assert [(p.kind, p.place) for p in places] == [("province", "湖南"), ("city", "长沙")]
