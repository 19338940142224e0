from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fogwatch.ingest.clean import OffsetMap, clean
from fogwatch.records import Span
from helpers import SEED, needs_shared


def assert_maps_back(raw: str, text: str, runs) -> None:
    """Every clean character is the raw character its offset points at, in increasing order."""
    offsets = OffsetMap(runs)
    positions = [offsets.to_raw(i) for i in range(len(text))]
    assert all(text[i] == raw[p] for i, p in enumerate(positions))
    assert positions == sorted(set(positions))
    for run in runs:
        clean_part = text[run.clean_start : run.clean_start + run.length]
        assert clean_part == raw[run.raw_start : run.raw_start + run.length]


def test_gallery_line_and_its_caption_are_removed():
    raw = (
        "Smoke rose over the city.\n\n"
        "5 View gallery Russian troops entering Pokrovsk on motorcycles ( Photo: Reuters )\n\n"
        "Pokrovsk, once home to about 60,000 people, was a hub."
    )
    text, runs = clean(raw)
    assert (
        text
        == "Smoke rose over the city.\n\nPokrovsk, once home to about 60,000 people, was a hub."
    )
    assert_maps_back(raw, text, runs)


def test_caption_flattened_into_a_paragraph_does_not_leak():
    raw = "hub for the army. 5 View gallery Troops entering Pokrovsk ( Photo: Reuters ) Pokrovsk, once home"
    assert clean(raw)[0] == "hub for the army. Pokrovsk, once home"


def test_caption_line_ending_in_a_video_credit_is_removed():
    raw = "First.\n\n‘Like Mad Max’: soldiers storm Pokrovsk on motorcycles ( Video: Reuters )\n\nSecond."
    assert clean(raw)[0] == "First.\n\nSecond."


def test_credit_after_a_finished_sentence_goes_alone():
    raw = "Shelling hit Sumy. ( Photo:: Sergei SUPINSKY / AFP Mandel NGAN / AFP )\n\nNext."
    assert clean(raw)[0] == "Shelling hit Sumy.\n\nNext."


def test_credit_inside_a_running_sentence_goes_alone():
    assert clean("The strike ( Photo: AP ) hit a school.")[0] == "The strike hit a school."


def test_share_and_subscribe_lines_are_removed():
    raw = "One.\n\nShare this article\n\nSubscribe to our newsletter\n\nTwo."
    assert clean(raw)[0] == "One.\n\nTwo."


def test_whitespace_is_collapsed_without_inventing_characters():
    raw = "  Donetsk   province , at the\theart.\n\n\n\nNew   paragraph.\r\n"
    text, runs = clean(raw)
    assert (
        text == "Donetsk province, at the\theart.\n\nNew paragraph."
    )  # a lone tab is kept, not invented into a space
    assert_maps_back(raw, text, runs)


def test_span_to_raw_covers_the_same_words():
    raw = "Troops  entered ( Photo: AP ) the   town."
    text, runs = clean(raw)
    assert text == "Troops entered the town."
    raw_span = OffsetMap(runs).span_to_raw(Span(0, 14))
    assert raw_span.of(raw) == "Troops  entered"


@needs_shared
def test_seed_article_is_clean_and_maps_back():
    raw = SEED.read_text(encoding="utf-8").split(None, 2)[2]
    text, runs = clean(raw)
    for debris in (
        "View gallery",
        "( Photo",
        "(Photo",
        "Video:",
        "Mad Max’:",
        "SUPINSKY",
        "Smoke rises",
    ):
        assert debris not in text
    assert "Pokrovsk, once home to about 60,000 people" in text
    assert "in Donetsk province, at the heart" in text
    assert "Reuters confirmed that the video was filmed at the entrance to Pokrovsk." in text
    assert_maps_back(raw, text, runs)


debris = st.sampled_from(
    [
        "( Photo: Reuters )",
        "5 View gallery",
        "\n\n",
        "  ",
        "Share this article",
        "\u00ad",
        "( Video:: A / B )",
        " ,",
    ]
)
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@given(st.lists(st.one_of(debris, words), max_size=40))
def test_any_text_maps_back_character_by_character(parts):
    raw = " ".join(parts)
    text, runs = clean(raw)
    assert_maps_back(raw, text, runs)
    assert text == text.strip()
